/**
 * The text index's terms (issue 24), from folded text (./text-fold.ts). A term is a run of word
 * characters as whole-word search defines them (./search-pattern.ts), so a whole word is one term.
 * Scripts written without spaces (Han, kana; Hangul too) give character bigrams instead: a
 * two-character word is one term, a longer one the terms of its pairs, one character alone itself.
 * A run that mixes such a script with others is split where the script changes, and each part in
 * another script is marked with JOINED: `act学` gives `act\u0001`, never `act`, so the list of
 * `act` holds only conversations where `act` stands alone as a word.
 */

export const JOINED = '\u0001';

const WORD_RUN = /[\p{L}\p{N}\p{M}_]+/gu;
const SPACELESS = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
const SPACELESS_CHAR = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]$/u;

/** Calls `each` with every term of `folded` in order (repeats included). */
export function forEachTerm(folded: string, each: (term: string) => void): void {
  WORD_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RUN.exec(folded))) {
    const run = m[0];
    if (hasSpaceless(run)) splitRun(run, each);
    else each(run);
  }
}

/** Whether `text` holds a character of a script written without spaces. */
export function hasSpaceless(text: string): boolean {
  return SPACELESS.test(text);
}

/** A word run's parts: where the script changes between spaceless and not. */
export function runParts(run: string): { text: string; spaceless: boolean }[] {
  const parts: { text: string; spaceless: boolean }[] = [];
  for (const c of run) {
    const spaceless = SPACELESS_CHAR.test(c);
    const last = parts[parts.length - 1];
    if (last && last.spaceless === spaceless) last.text += c;
    else parts.push({ text: c, spaceless });
  }
  return parts;
}

/** The terms of one spaceless part: its character bigrams, or the character when alone. */
export function spacelessTerms(text: string): string[] {
  const chars = Array.from(text);
  if (chars.length === 1) return chars;
  const terms: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
  return terms;
}

function splitRun(run: string, each: (term: string) => void): void {
  for (const part of runParts(run)) {
    if (part.spaceless) for (const term of spacelessTerms(part.text)) each(term);
    else each(part.text + JOINED);
  }
}

/** Word runs of a folded query with where each lies, for planning an indexed search. */
export function wordRuns(folded: string): { text: string; start: number; end: number }[] {
  const runs: { text: string; start: number; end: number }[] = [];
  for (const m of folded.matchAll(WORD_RUN))
    runs.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return runs;
}
