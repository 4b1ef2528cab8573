import type { TextPack } from './types';

/**
 * A per-language vocabulary, ranked for Zipf sampling: the pack's own words first (most frequent
 * first), then pseudo-words made by a character-bigram chain trained on those words, so the tail
 * looks like the language and uses its script. Real chat text compresses poorly because it draws
 * on a large vocabulary with a Zipf-like frequency; a handful of template sentences would not.
 */
export interface Vocabulary {
  /** Ranked words as written mid-sentence. */
  words: string[];
}

/** Zipf exponent of the word sampler (1 is the classic law; chat text is a little steeper). */
export const ZIPF_EXPONENT = 1.15;

/** mulberry32: a small deterministic PRNG, so the vocabulary is a constant of the generator. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SLOT = /\{[A-Za-z0-9]+\}/g;
const LETTERS = /[\p{L}\p{M}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;

function trainingText(pack: TextPack): string[] {
  const { joiner, tableHeader, ...pools } = pack;
  void joiner;
  return [...Object.values(pools).flat(), ...tableHeader].map((s) => s.replace(SLOT, ' '));
}

/** Words of the training text: letter runs, or 1-3 character chunks for scripts without spaces. */
function tokens(pack: TextPack): string[] {
  const out: string[] = [];
  for (const text of trainingText(pack)) {
    if (pack.joiner === '') {
      for (const run of text.match(CJK) ?? []) {
        const chars = [...run];
        for (let i = 0; i < chars.length; i += 2) out.push(chars.slice(i, i + 2).join(''));
      }
    } else {
      for (const word of text.match(LETTERS) ?? []) out.push(word.toLowerCase());
    }
  }
  return out;
}

function rankedHead(words: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  // Map keeps first-seen order, and sort is stable: ties stay in order of appearance.
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
}

type Chain = Map<string, string[]>;

function trainChain(words: readonly string[]): Chain {
  const chain: Chain = new Map();
  const add = (from: string, to: string) => {
    const next = chain.get(from) ?? [];
    next.push(to);
    chain.set(from, next);
  };
  for (const word of words) {
    const chars = [...word];
    chars.forEach((c, i) => add(i === 0 ? '^' : chars[i - 1]!, c));
  }
  return chain;
}

function pseudoWord(chain: Chain, length: number, random: () => number): string {
  const starts = chain.get('^') ?? ['a'];
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)]!;
  let word = pick(starts);
  let last = word;
  for (let i = 1; i < length; i++) {
    const next = chain.get(last);
    last = next && random() < 0.92 ? pick(next) : pick(starts);
    word += last;
  }
  return word;
}

/** `size` distinct ranked words for `pack`; the same arguments always give the same list. */
export function buildVocabulary(pack: TextPack, size: number, seed: number): Vocabulary {
  const trained = tokens(pack);
  const head = rankedHead(trained);
  const words = head.slice(0, size);
  const seen = new Set(words);
  const chain = trainChain(head);
  const random = prng(seed);
  const spaced = pack.joiner !== '';
  // Hangul is written with spaces, but one character is a whole syllable.
  const syllabic = head.some((w) => /\p{Script=Hangul}/u.test(w));
  for (let attempts = 0; words.length < size && attempts < size * 50; attempts++) {
    // Rarer words are longer, as in real text.
    const rank = words.length + 1;
    const [base, spread] = syllabic
      ? [1.5 + Math.log2(rank) / 8, 2]
      : spaced
        ? [2 + Math.log2(rank) / 2.5, 5]
        : [1 + Math.log2(rank) / 12, 2];
    const length = Math.max(1, Math.round(base + (random() - 0.5) * spread));
    const word = pseudoWord(chain, length, random);
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  if (words.length < size) throw new Error(`vocabulary: only ${words.length} words of ${size}`);
  return { words };
}

/** P(rank <= k) of the sampler in zipf-sql: a continuous Zipf law cut at `size`. */
export function zipfCdf(k: number, size: number, s = ZIPF_EXPONENT): number {
  return ((k + 1) ** (1 - s) - 1) / ((size + 1) ** (1 - s) - 1);
}
