import type { ByteWriter } from '../../../src/db/text-index/format';

/**
 * The bytes of `writeVocabBlock` (src/db/text-index/format.ts), written without a `TextEncoder`
 * call per term: Node's costs about a microsecond per short string (it allocates each result),
 * which was half of the merge at 1M conversations (10.6 M terms). vocab-block.test.ts proves the
 * bytes equal to the contract's on every kind of term.
 */

let scratch = new Uint8Array(1024);

export function writeVocabBlockFast(out: ByteWriter, terms: string[], listBytes: number[]): void {
  out.varint(terms.length);
  let previous = '';
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    const shared = sharedPrefix(previous, term);
    const n = utf8(term, shared);
    out.varint(shared);
    out.varint(n);
    out.bytes(scratch.subarray(0, n));
    out.varint(listBytes[i]!);
    previous = term;
  }
}

/** As format.ts: code units shared at the start, never ending between the halves of a pair. */
function sharedPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  const last = a.charCodeAt(n - 1);
  return n > 0 && last >= 0xd800 && last <= 0xdbff ? n - 1 : n;
}

/** UTF-8 of `s` from code unit `from` into `scratch`, as `TextEncoder` (a lone surrogate: U+FFFD). */
function utf8(s: string, from: number): number {
  if (scratch.length < (s.length - from) * 3) scratch = new Uint8Array((s.length - from) * 3);
  const bytes = scratch;
  let n = 0;
  for (let i = from; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      bytes[n++] = c;
      continue;
    }
    if (c < 0x800) {
      bytes[n++] = 0xc0 | (c >> 6);
      bytes[n++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        bytes[n++] = 0xf0 | (cp >> 18);
        bytes[n++] = 0x80 | ((cp >> 12) & 0x3f);
        bytes[n++] = 0x80 | ((cp >> 6) & 0x3f);
        bytes[n++] = 0x80 | (cp & 0x3f);
        i++;
        continue;
      }
      c = 0xfffd;
    }
    bytes[n++] = 0xe0 | (c >> 12);
    bytes[n++] = 0x80 | ((c >> 6) & 0x3f);
    bytes[n++] = 0x80 | (c & 0x3f);
  }
  return n;
}
