import { TEXT_PACK_IDS, TEXT_PACKS, type TextPackId } from './packs';
import { buildVocabulary, prng, zipfCdf } from './vocab';

/**
 * Ready-made tokens for the SQL text streams: each ranked word of each pack in VARIANTS forms
 * (with its separator, capitalized, quoted, ending a sentence ...), so a token costs one list
 * lookup in SQL. Numbers and identifiers are words of their own at some ranks, drawn like words.
 */
export const VOCABULARY_SIZE = 8_192;
export const VARIANTS = 8;
/** Uniformly drawn fragments of code (identifiers with operators, calls, literals). */
export const CODE_TOKENS = 4_096;

interface Punctuation {
  space: string;
  comma: string;
  stop: string;
  question: string;
  colon: string;
  open: string;
  close: string;
}

const LATIN: Punctuation = {
  space: ' ',
  comma: ', ',
  stop: '. ',
  question: '? ',
  colon: ': ',
  open: '"',
  close: '"',
};
const CJK: Punctuation = {
  space: '',
  comma: '，',
  stop: '。',
  question: '？',
  colon: '：',
  open: '「',
  close: '」',
};
const PUNCTUATION: Partial<Record<TextPackId, Punctuation>> = {
  zh: { ...CJK, open: '“', close: '”' },
  ja: { ...CJK, comma: '、' },
  ar: { ...LATIN, comma: '، ', question: '؟ ', open: '«', close: '»' },
  ru: { ...LATIN, open: '«', close: '»' },
};
export const punctuationOf = (id: TextPackId) => PUNCTUATION[id] ?? LATIN;

/**
 * Which variant a token takes, by 1/64ths: mostly plain, then commas, sentence ends, brackets,
 * quotes, questions, colons and mid-sentence capitals (names, acronyms).
 */
export const VARIANT_SHARES = [48, 5, 5, 1, 2, 1, 1, 1] as const;
/** The variant opening a sentence, a list item or a heading: the word capitalized. */
export const CAPITAL = 3;

const capitalize = (word: string) => word.charAt(0).toLocaleUpperCase() + word.slice(1);

function number(random: () => number): string {
  const n = Math.floor(random() * 100);
  switch (Math.floor(random() * 6)) {
    case 0:
      return String(n);
    case 1:
      return String(1900 + Math.floor(random() * 130));
    case 2:
      return `${n}.${Math.floor(random() * 100)}`;
    case 3:
      return `${n}%`;
    case 4:
      return String(Math.floor(random() * 100_000));
    default:
      return `v${Math.floor(random() * 10)}.${n}`;
  }
}

/** `user_count`, `parseValue`: from two ASCII words. */
function identifier(words: readonly string[], random: () => number): string {
  const pick = () => words[Math.floor(random() * words.length)]!;
  const [a, b] = [pick(), pick()];
  return random() < 0.4 ? a + capitalize(b) : `${a}_${b}`;
}

function variants(word: string, p: Punctuation, starter: () => string): string[] {
  return [
    word + p.space,
    word + p.comma,
    word + p.stop + starter() + p.space,
    capitalize(word) + p.space,
    `(${word})${p.space}`,
    p.open + word + p.close + p.space,
    word + p.question + starter() + p.space,
    word + p.colon,
  ];
}

function codeTokens(identifiers: readonly string[], random: () => number): string[] {
  const shapes = [
    (a: string, b: string) => `${a} = ${b}(`,
    (a: string) => `${a}, `,
    (a: string, b: string) => `${a}.${b}(`,
    (a: string) => `${a}) `,
    (a: string) => `return ${a}`,
    (a: string, b: string) => `if ${a} > ${b}:`,
    (a: string, b: string) => `for ${a} in ${b}:`,
    (a: string) => `"${a}": `,
    (a: string, b: string) => `const ${a} = ${b};`,
    (a: string) => `${a}[${Math.floor(random() * 10)}]`,
    (a: string, b: string) => `# ${a} ${b}`,
    (a: string) => `import ${a}`,
  ];
  const n = () => number(random);
  return Array.from({ length: CODE_TOKENS }, () => {
    const shape = shapes[Math.floor(random() * shapes.length)]!;
    const b = random() < 0.3 ? n() : identifier(identifiers, random);
    return shape(identifier(identifiers, random), b);
  });
}

/** Fragments per pack from which rare words are made up on the fly (see stream-sql). */
export const SYLLABLES = 256;

/** The most frequent two-letter pieces of the pack's words (one character where it is a syllable). */
function syllables(words: readonly string[], single: boolean): string[] {
  const counts = new Map<string, number>();
  for (const w of words.slice(0, 2_000)) {
    const chars = [...w];
    const step = single ? 1 : 2;
    for (let i = 0; i + step <= chars.length; i += step) {
      const piece = chars.slice(i, i + step).join('');
      counts.set(piece, (counts.get(piece) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([piece]) => piece);
  return Array.from({ length: SYLLABLES }, (_, i) => ranked[i % ranked.length]!);
}

export interface TokenTables {
  /** VOCABULARY_SIZE * VARIANTS tokens per pack, pack after pack, rank-major. */
  tokens: string[];
  code: string[];
  /** SYLLABLES pieces per pack, pack after pack. */
  syllables: string[];
  /** Mean UTF-8 bytes of a drawn token, per pack. */
  meanBytes: number[];
}

let tables: TokenTables | null = null;

/** Built once per process (about a second), the same on every machine. */
export function tokenTables(): TokenTables {
  if (tables) return tables;
  const english = buildVocabulary(TEXT_PACKS.en, VOCABULARY_SIZE, 1_000).words;
  const identifiers = english.filter((w) => /^[a-z]{2,10}$/.test(w)).slice(0, 2_000);
  const random = prng(7);
  const encoder = new TextEncoder();
  const shares = VARIANT_SHARES.map((s) => s / 64);
  const tokens: string[] = [];
  const pieces: string[] = [];
  const meanBytes: number[] = [];
  TEXT_PACK_IDS.forEach((id, i) => {
    const words = buildVocabulary(TEXT_PACKS[id], VOCABULARY_SIZE, 1_000 + i).words;
    const single = TEXT_PACKS[id].joiner === '' || /\p{Script=Hangul}/u.test(words[0] ?? '');
    pieces.push(...syllables(words, single));
    // Numbers and identifiers replace about one word in 25 past the most common 40.
    const ranked = words.map((w, rank) =>
      rank < 40 || rank % 25 !== 7
        ? w
        : rank % 2
          ? number(random)
          : identifier(identifiers, random),
    );
    const starters = ranked.slice(0, 24).map(capitalize);
    const starter = () => starters[Math.floor(random() * starters.length)]!;
    let mean = 0;
    ranked.forEach((word, rank) => {
      const forms = variants(word, punctuationOf(id), starter);
      const p = zipfCdf(rank + 1, VOCABULARY_SIZE) - zipfCdf(rank, VOCABULARY_SIZE);
      forms.forEach((f, v) => (mean += p * (shares[v] ?? 0) * encoder.encode(f).length));
      tokens.push(...forms);
    });
    meanBytes.push(mean);
  });
  tables = { tokens, code: codeTokens(identifiers, random), syllables: pieces, meanBytes };
  return tables;
}
