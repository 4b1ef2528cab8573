import type { TextPack } from './types';

export const de: TextPack = {
  joiner: ' ',
  topics: [
    'die Geschichte der Berliner Mauer',
    'gesunde Ernährung im Alltag',
    'ein Python-Skript zum Umbenennen von Dateien',
    'erneuerbare Energien',
    'Zeitmanagement im Studium',
    'eine Bewerbung als Softwareentwickler',
  ],
  prompts: [
    'Erkläre das Thema „{T}“ in einfachen Worten.',
    'Schreibe einen ausführlichen Text zum Thema „{T}“.',
    'Was sind die Vor- und Nachteile von „{T}“?',
    'Hallo! Kannst du mir bei „{T}“ helfen?',
    'Nenne mir 5 Tipps zum Thema „{T}“.',
  ],
  namedPrompts: [
    'Schreibe eine E-Mail an {N1} zum Thema „{T}“. Unterschreibe mit {N2}.',
    'Ich heiße {N1}. Kannst du mir „{T}“ erklären?',
  ],
  followUps: [
    'Kannst du das kürzen?',
    'Weiter.',
    'Danke! Hast du ein Beispiel?',
    'Erkläre Punkt {n} genauer.',
  ],
  openers: [
    'Gern! Hier ist ein Überblick zum Thema „{T}“.',
    'Gute Frage. Gehen wir Schritt für Schritt vor.',
    'Hier ist eine strukturierte Antwort:',
  ],
  namedOpeners: ['Sehr geehrte/r {N1},', 'Hallo {N1}, danke für deine Nachricht!'],
  sentences: [
    'Am wichtigsten ist es, mit kleinen, regelmäßigen Schritten zu beginnen.',
    'In der Praxis beginnen die meisten mit der einfachsten Version.',
    'Laut einer Umfrage aus dem Jahr {y} gibt etwa ein Drittel der Anfänger im ersten Monat auf.',
    'Ein häufiger Fehler ist es, die Grundlagen zu überspringen.',
    'Dieser Ansatz ist flexibel und eignet sich gut für kleine Teams.',
    'Allerdings ist die schnellste Lösung oft schwerer zu pflegen.',
    'Zum Schluss solltest du festhalten, was du gelernt hast.',
  ],
  items: [
    'Ein klares Ziel festlegen',
    'Material zusammenstellen',
    'Die Arbeit in Aufgaben teilen',
    'Den Fortschritt wöchentlich prüfen',
    'Die endgültige Version teilen',
  ],
  headings: ['Überblick', 'Wichtige Punkte', 'Beispiel', 'Schritt für Schritt', 'Zusammenfassung'],
  tableHeader: ['Punkt', 'Wert', 'Hinweise'],
  linkLines: ['Weitere Details findest du in [der Dokumentation]({U}).', 'Quelle: {U}'],
  attachIntros: ['Hier ist der Text:', 'Das habe ich bisher:'],
  closers: ['Ich hoffe, das hilft dir weiter!', 'Melde dich gern, wenn du weitere Fragen hast.'],
};
