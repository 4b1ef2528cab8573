import type { TextIndexDir, WordList } from './format';

const encoder = new TextEncoder();

/**
 * The ordinals of the terms containing `piece`, ascending: a byte search of the joined terms,
 * anchored on the piece's rarest byte (found with the native `indexOf`), one hit per term.
 */
export function termsContaining(words: WordList, piece: string, byteCounts: Uint32Array): number[] {
  const needle = encoder.encode(piece);
  if (needle.length === 0) return [];
  let anchor = 0;
  for (let i = 1; i < needle.length; i++)
    if (byteCounts[needle[i]!]! < byteCounts[needle[anchor]!]!) anchor = i;
  const { joined, starts } = words;
  const found: number[] = [];
  let at = anchor;
  while ((at = joined.indexOf(needle[anchor]!, at)) >= 0) {
    const start = at - anchor;
    let same = start >= 0 && start + needle.length <= joined.length;
    for (let k = 0; same && k < needle.length; k++) same = joined[start + k] === needle[k];
    if (!same) {
      at++;
      continue;
    }
    const term = lastAtOrBefore(starts, start);
    found.push(term);
    // The rest of this term cannot add it again.
    at = (term + 1 < starts.length ? starts[term + 1]! : joined.length) + anchor;
  }
  return found;
}

/** How often each byte value occurs: the rarest byte of a piece is the cheapest to look for. */
export function byteCounts(joined: Uint8Array): Uint32Array {
  const counts = new Uint32Array(256);
  for (let i = 0; i < joined.length; i++) counts[joined[i]!]!++;
  return counts;
}

/** Where each term's lists lie in `postings`, as `[start, end)` pairs, for ascending ordinals. */
export function listSpans(words: WordList, dir: TextIndexDir, terms: number[]): [number, number][] {
  const spans: [number, number][] = [];
  let block = -1;
  let next = 0; // the ordinal whose start `offset` is
  let offset = 0;
  for (const term of terms) {
    const b = Math.floor(term / words.blockTerms);
    if (b !== block) {
      block = b;
      next = b * words.blockTerms;
      offset = dir.postingsOffsets[b]!;
    }
    for (; next < term; next++) offset += words.listBytes[next]!;
    spans.push([offset, offset + words.listBytes[term]!]);
  }
  return spans;
}

/** Spans merged where less than `gap` bytes lie between them: fewer, larger requests. */
export function mergeSpans(spans: [number, number][], gap: number): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of spans) {
    const last = merged[merged.length - 1];
    if (last && start - last[1] <= gap) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function lastAtOrBefore(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
