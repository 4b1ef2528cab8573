import { forEachTerm, JOINED, runParts, spacelessTerms } from '../../../src/model/text-tokens';

/**
 * The terms of folded text exactly as `forEachTerm` (src/model/text-tokens.ts) gives them, found
 * without its regular expression or a string per term: the build's hot loop. A term is passed as
 * a range of a string with its hash, so a term already in the vocabulary costs no allocation.
 * Which characters are word characters, and which of those spaceless, is asked of the contract's
 * own functions once per code point, so the two can only disagree if the contract changes its
 * definition of a term (scan-terms.test.ts proves them equal on every code point).
 */

/** Receives each term of a text, repeats included: `s.slice(start, end)`, whose hash is `hash`. */
export interface TermSink {
  add(s: string, start: number, end: number, hash: number): void;
}

const NONE = 0;
const WORD = 1;
const SPACELESS = 2;
/** A high surrogate: the class is the pair's, or NONE when alone (as a `u` regex reads it). */
const PAIR = 3;
const UNKNOWN = 255;

/** The class of a character (one code point), from the contract. */
function classify(char: string): number {
  let word = false;
  forEachTerm(char, () => (word = true));
  if (!word) return NONE;
  return runParts(char)[0]!.spaceless ? SPACELESS : WORD;
}

let bmp: Uint8Array | undefined;
/** Astral code points, classified when first seen (most never are). */
const astral = new Uint8Array(0x100000).fill(UNKNOWN);

function bmpClasses(): Uint8Array {
  if (bmp) return bmp;
  bmp = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) bmp[c] = c <= 0xdbff ? PAIR : NONE;
    else bmp[c] = classify(String.fromCharCode(c));
  }
  return bmp;
}

function astralClass(offset: number): number {
  let k = astral[offset]!;
  if (k === UNKNOWN) k = astral[offset] = classify(String.fromCodePoint(offset + 0x10000));
  return k;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over code units, then a finaliser so its low bits spread well in a power-of-2 table;
 * a signed 32-bit integer, as the table stores it. */
function finishHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The hash `scanTerms` gives `s.slice(start, end)`. */
export function hashRange(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return finishHash(h);
}

/** Calls `sink.add` with every term of `folded`, in order, repeats included. */
export function scanTerms(folded: string, sink: TermSink): void {
  const classes = bmpClasses();
  const n = folded.length;
  let i = 0;
  while (i < n) {
    let c = folded.charCodeAt(i);
    let k = classes[c]!;
    let w = 1;
    if (k === PAIR) {
      const d = i + 1 < n ? folded.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        k = astralClass(((c - 0xd800) << 10) + (d - 0xdc00));
        w = 2;
      } else k = NONE;
    }
    if (k === NONE) {
      i += w;
      continue;
    }
    // A word run: hashed as it is scanned, so a plain word is looked up without a copy.
    const start = i;
    let h = FNV_OFFSET;
    let spaceless = false;
    for (;;) {
      h = Math.imul(h ^ c, FNV_PRIME);
      if (w === 2) h = Math.imul(h ^ folded.charCodeAt(i + 1), FNV_PRIME);
      if (k === SPACELESS) spaceless = true;
      i += w;
      if (i >= n) break;
      c = folded.charCodeAt(i);
      k = classes[c]!;
      w = 1;
      if (k === PAIR) {
        const d = i + 1 < n ? folded.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          k = astralClass(((c - 0xd800) << 10) + (d - 0xdc00));
          w = 2;
        } else k = NONE;
      }
      if (k === NONE) break;
    }
    if (spaceless) splitRun(folded.slice(start, i), sink);
    else sink.add(folded, start, i, finishHash(h));
  }
}

/** A run with spaceless characters (rare outside CJK text): split by the contract's own code. */
function splitRun(run: string, sink: TermSink): void {
  const add = (term: string) => sink.add(term, 0, term.length, hashRange(term, 0, term.length));
  for (const part of runParts(run)) {
    if (part.spaceless) for (const term of spacelessTerms(part.text)) add(term);
    else add(part.text + JOINED);
  }
}
