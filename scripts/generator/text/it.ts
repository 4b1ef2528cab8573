import type { TextPack } from './types';

export const it: TextPack = {
  joiner: ' ',
  topics: [
    'la storia dell’Impero romano',
    'la ricetta della carbonara',
    'uno script Python per leggere file JSON',
    'il Rinascimento',
    'come risparmiare energia in casa',
    'la preparazione di un colloquio di lavoro',
  ],
  prompts: [
    'Spiega l’argomento "{T}" in modo semplice.',
    'Scrivi un testo dettagliato su "{T}".',
    'Quali sono i pro e i contro di "{T}"?',
    'Ciao! Mi aiuti con "{T}"?',
    'Dammi 5 consigli su "{T}".',
  ],
  namedPrompts: [
    'Scrivi una email a {N1} riguardo a "{T}". Firma come {N2}.',
    'Mi chiamo {N1}. Puoi spiegarmi "{T}"?',
  ],
  followUps: [
    'Puoi riassumere?',
    'Continua.',
    'Grazie! Un esempio?',
    'Approfondisci il punto {n}.',
  ],
  openers: [
    'Certo! Ecco una panoramica su "{T}".',
    'Ottima domanda. Procediamo per punti.',
    'Ecco una risposta strutturata:',
  ],
  namedOpeners: ['Gentile {N1},', 'Ciao {N1}, grazie per il messaggio!'],
  sentences: [
    'La cosa più importante è iniziare con piccoli passi costanti.',
    'In pratica, quasi tutti partono dalla versione più semplice.',
    'Secondo un sondaggio del {y}, circa un principiante su tre rinuncia nel primo mese.',
    'Un errore comune è trascurare le basi.',
    'Questo approccio è flessibile e funziona bene per i gruppi piccoli.',
    'Tuttavia, la soluzione più veloce è spesso più difficile da mantenere.',
    'Infine, ricordati di documentare ciò che hai imparato.',
  ],
  items: [
    'Definire un obiettivo chiaro',
    'Raccogliere il materiale',
    'Dividere il lavoro in fasi',
    'Controllare i progressi ogni settimana',
    'Condividere la versione finale',
  ],
  headings: ['Panoramica', 'Punti chiave', 'Esempio', 'Passaggi', 'Riepilogo'],
  tableHeader: ['Elemento', 'Valore', 'Note'],
  linkLines: ['Per maggiori dettagli, vedi [la documentazione]({U}).', 'Fonte: {U}'],
  attachIntros: ['Ecco il testo:', 'Ecco cosa ho finora:'],
  closers: ['Spero di esserti stato utile!', 'Fammi sapere se hai altre domande.'],
};
