import type { SearchSpec } from '../../model/search-spec';

/**
 * A run of a plain-text search's characters that any matching message holds byte for byte, up to
 * ASCII case: the scan looks for it in the raw UTF-8 and decodes only the messages that hold it.
 * Decoding every message to a string is what a search spent most of its time on (Chromium's
 * `TextDecoder` moves about 100 MB/s here), and most messages do not hold the word.
 */
export interface SearchAnchor {
  /** The run's bytes, ASCII letters lower-cased. */
  bytes: Uint8Array;
  /** Horspool's shift for each byte value seen at the window's last position. */
  shift: Uint8Array;
}

/** Shorter runs occur in most messages and would save little over decoding them all. */
const MIN_ANCHOR = 3;
/** The shift table holds bytes: longer runs are cut (a prefix of an anchor is an anchor). */
const MAX_ANCHOR = 255;

/** Each byte with ASCII capitals lower-cased: the one fold the anchor is compared under. */
const FOLD = Uint8Array.from({ length: 256 }, (_, b) => (b >= 65 && b <= 90 ? b + 32 : b));

/**
 * Characters whose only case partners under the `iu` flags are ASCII: every printable ASCII
 * character but `k` (which also matches U+212A, the Kelvin sign) and `s` (U+017F, the long s).
 * search-anchor.test.ts checks this against the engine's own regular expressions.
 */
export function anchorSafe(char: string): boolean {
  const code = char.charCodeAt(0);
  return char.length === 1 && code >= 0x20 && code < 0x7f && !/[ks]/i.test(char);
}

/**
 * The longest anchor-safe run of a plain-text search, or null for a regular expression (it may
 * match text it does not spell out) and for text without a run of `MIN_ANCHOR` such characters
 * (Cyrillic, CJK, a very short word). Whole-word searches still contain their text: same anchor.
 */
export function searchAnchor(spec: Pick<SearchSpec, 'text' | 'regex'>): SearchAnchor | null {
  if (spec.regex) return null;
  let best = '';
  let run = '';
  for (const char of spec.text) {
    run = anchorSafe(char) ? run + char : '';
    if (run.length > best.length) best = run;
  }
  if (best.length < MIN_ANCHOR) return null;
  const bytes = Uint8Array.from(best.slice(0, MAX_ANCHOR), (c) => FOLD[c.charCodeAt(0)]!);
  const last = bytes.length - 1;
  const shift = new Uint8Array(256).fill(bytes.length);
  for (let i = 0; i < last; i++) {
    shift[bytes[i]!] = last - i;
    // A letter's capital shifts the same: the window is compared folded.
    if (bytes[i]! >= 97 && bytes[i]! <= 122) shift[bytes[i]! - 32] = last - i;
  }
  return { bytes, shift };
}

/**
 * The first position in `hay[from, to)` where the anchor occurs, ASCII case folded, or -1
 * (Boyer-Moore-Horspool: most windows are skipped by the anchor's length after one byte read).
 */
export function findAnchor(
  hay: Uint8Array,
  from: number,
  to: number,
  anchor: SearchAnchor,
): number {
  const { bytes, shift } = anchor;
  const last = bytes.length - 1;
  for (let i = from + last; i < to; i += shift[hay[i]!]!) {
    let j = last;
    while (FOLD[hay[i - last + j]!] === bytes[j]) {
      if (j === 0) return i - last;
      j--;
    }
  }
  return -1;
}
