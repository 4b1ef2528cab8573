import type { TextPack } from './types';

export const fr: TextPack = {
  joiner: ' ',
  topics: [
    "l'histoire de la Révolution française",
    'la cuisine lyonnaise',
    'un script Python pour analyser des fichiers CSV',
    'les énergies renouvelables',
    'la gestion du stress',
    'un plan marketing pour une librairie',
  ],
  prompts: [
    'Explique le sujet « {T} » simplement.',
    'Rédige un texte détaillé sur le thème « {T} ».',
    'Quels sont les avantages et les inconvénients de « {T} » ?',
    'Donne-moi 5 conseils sur le thème « {T} ».',
    'Bonjour ! Peux-tu m’aider avec « {T} » ?',
  ],
  namedPrompts: [
    'Écris un e-mail à {N1} au sujet de « {T} ». Signe-le {N2}.',
    'Je m’appelle {N1}. Peux-tu m’expliquer « {T} » ?',
  ],
  followUps: ['Peux-tu résumer ?', 'Continue.', 'Merci ! Un exemple ?', 'Développe le point {n}.'],
  openers: [
    'Bien sûr ! Voici un aperçu du sujet « {T} ».',
    'Excellente question. Procédons étape par étape.',
    'Voici une réponse structurée :',
  ],
  namedOpeners: ['Cher/Chère {N1},', 'Bonjour {N1}, merci pour votre message.'],
  sentences: [
    'L’essentiel est de commencer par de petites étapes régulières.',
    'En pratique, on commence souvent par la version la plus simple.',
    'Selon une enquête de {y}, environ un débutant sur trois abandonne le premier mois.',
    'Une erreur fréquente consiste à négliger les bases.',
    'Cette approche est souple, facile à expliquer et adaptée aux petites équipes.',
    'En revanche, l’option la plus rapide est souvent plus difficile à maintenir.',
    'En cas de doute, testez les deux options et comparez les résultats.',
    'Enfin, pensez à documenter ce que vous avez appris.',
  ],
  items: [
    'Fixer un objectif clair',
    'Réunir le matériel nécessaire',
    'Découper le travail en tâches',
    'Faire le point chaque semaine',
    'Demander des retours tôt',
    'Partager la version finale',
  ],
  headings: ['Aperçu', 'Points clés', 'Exemple', 'Étapes', 'Résumé'],
  tableHeader: ['Élément', 'Valeur', 'Remarques'],
  linkLines: ['Pour plus de détails, voir [la documentation]({U}).', 'Source : {U}'],
  attachIntros: ['Voici le texte :', 'Voici ce que j’ai pour l’instant :'],
  closers: ['J’espère que cela vous aide !', 'N’hésitez pas si vous avez d’autres questions.'],
};
