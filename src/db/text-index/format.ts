import { utf8 } from './utf8';

/**
 * The text index's files (written by `npm run index`, scripts/index/write-text-index.ts; read by
 * range in the app, ./text-index-reader.ts). Terms are folded words (src/model/text-tokens.ts), in
 * JavaScript string order. Three files, all made of unsigned LEB128 varints and UTF-8:
 *
 * - `postings`: per term, in term order, three lists of global `row`s: the conversations with the
 *   term in a user message, in an assistant message, in a message of any other role. A prefix's
 *   terms are neighbours, so their lists are one range.
 * - `vocab`: the terms in blocks of up to BLOCK_TERMS, front-coded: per term the code units shared
 *   with the previous term, the rest as UTF-8, and the bytes of its lists in `postings`.
 * - `dir`: per block its first term and the bytes of the block in `vocab` and in `postings`. Read
 *   whole, once: a term then costs one small read of `vocab` and one of `postings`.
 * - `words`: every term again, gzipped, for finding the terms that contain a piece of a word
 *   (`ing`, `学`): the terms joined by newlines, then each term's bytes in `postings`. Read whole,
 *   once, by the first search that needs it.
 */

export const TEXT_INDEX_FORMAT = 1;
/** The files' names beside the manifest. */
export const TEXT_INDEX_FILES = {
  dir: 'text.convoscope-dir',
  vocab: 'text.convoscope-vocab',
  postings: 'text.convoscope-postings',
  words: 'text.convoscope-words.gz',
} as const;
export const BLOCK_TERMS = 64;
/** The roles a term's lists are kept for, in file order. */
export const LIST_ROLES = ['user', 'assistant', 'other'] as const;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Appends varints and bytes to a growing buffer. */
export class ByteWriter {
  private buffer = new Uint8Array(1024);
  length = 0;

  varint(value: number): void {
    this.room(10);
    let v = value;
    // Division, not shifts: offsets pass 2^32 at a few GB.
    while (v >= 0x80) {
      this.buffer[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buffer[this.length++] = v;
  }

  bytes(data: Uint8Array): void {
    this.room(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  /** The bytes written so far (a view: copy it before writing more if kept). */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }

  private room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}

/** Reads varints and bytes in order; throws on a read past the end (a truncated or wrong file). */
export class ByteReader {
  constructor(
    private readonly data: Uint8Array,
    public at = 0,
  ) {}

  get done(): boolean {
    return this.at >= this.data.length;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.data.length) throw new Error('the text index ends mid-value');
      const byte = this.data[this.at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  bytes(n: number): Uint8Array {
    if (this.at + n > this.data.length) throw new Error('the text index ends mid-value');
    const out = this.data.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  string(): string {
    return decoder.decode(this.bytes(this.varint()));
  }
}

const DELTAS = 0;
const BITMAP = 1;

/** Appends one list of ascending rows: deltas, or a bitmap from its first row when smaller. */
export function writeList(out: ByteWriter, rows: ArrayLike<number>): void {
  const n = rows.length;
  out.varint(n);
  if (n === 0) return;
  const first = rows[0]!;
  const span = rows[n - 1]! - first + 1;
  const bitmapBytes = Math.ceil(span / 8);
  // A delta takes at least a byte; past one row in 8 of the span a bitmap is never larger.
  if (bitmapBytes < n) {
    out.varint(BITMAP);
    out.varint(first);
    const bits = new Uint8Array(bitmapBytes);
    for (let i = 0; i < n; i++) {
      const bit = rows[i]! - first;
      bits[bit >> 3]! |= 1 << (bit & 7);
    }
    out.varint(bitmapBytes);
    out.bytes(bits);
    return;
  }
  out.varint(DELTAS);
  let previous = 0;
  for (let i = 0; i < n; i++) {
    out.varint(rows[i]! - previous);
    previous = rows[i]!;
  }
}

/** Calls `each` with every row of the next list, ascending. */
export function readList(input: ByteReader, each: (row: number) => void): void {
  const n = input.varint();
  if (n === 0) return;
  const kind = input.varint();
  if (kind === DELTAS) {
    let row = 0;
    for (let i = 0; i < n; i++) each((row += input.varint()));
  } else if (kind === BITMAP) {
    const first = input.varint();
    const bits = input.bytes(input.varint());
    for (let byte = 0; byte < bits.length; byte++) {
      let b = bits[byte]!;
      while (b !== 0) {
        const low = b & -b;
        each(first + byte * 8 + (31 - Math.clz32(low)));
        b ^= low;
      }
    }
  } else throw new Error(`the text index has a list of unknown kind ${kind}`);
}

/** Code units `a` and `b` share at the start, never ending between the halves of a pair. */
function sharedPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  const last = a.charCodeAt(n - 1);
  return n > 0 && last >= 0xd800 && last <= 0xdbff ? n - 1 : n;
}

/** One block of `vocab`: its terms (ascending) and the bytes of each one's lists. */
export function writeVocabBlock(out: ByteWriter, terms: string[], listBytes: number[]): void {
  out.varint(terms.length);
  let previous = '';
  terms.forEach((term, i) => {
    const shared = sharedPrefix(previous, term);
    const rest = utf8(term, shared);
    out.varint(shared);
    out.varint(rest.length);
    out.bytes(rest);
    out.varint(listBytes[i]!);
    previous = term;
  });
}

export interface VocabBlock {
  terms: string[];
  /** Where each term's lists start in `postings`, from the block's start; one more at the end. */
  offsets: number[];
}

export function readVocabBlock(data: Uint8Array): VocabBlock {
  const input = new ByteReader(data);
  const n = input.varint();
  const terms: string[] = [];
  const offsets = [0];
  let previous = '';
  for (let i = 0; i < n; i++) {
    const shared = input.varint();
    previous = previous.slice(0, shared) + input.string();
    terms.push(previous);
    offsets.push(offsets[i]! + input.varint());
  }
  return { terms, offsets };
}

/** The blocks' first terms and their places in `vocab` and `postings`. */
export interface TextIndexDir {
  firstTerms: string[];
  /** Block i is `vocab[vocabOffsets[i], vocabOffsets[i + 1])`; the same for `postings`. */
  vocabOffsets: number[];
  postingsOffsets: number[];
}

export function writeDir(out: ByteWriter, dir: TextIndexDir): void {
  out.varint(TEXT_INDEX_FORMAT);
  out.varint(dir.firstTerms.length);
  dir.firstTerms.forEach((term, i) => {
    const bytes = encoder.encode(term);
    out.varint(bytes.length);
    out.bytes(bytes);
    out.varint(dir.vocabOffsets[i + 1]! - dir.vocabOffsets[i]!);
    out.varint(dir.postingsOffsets[i + 1]! - dir.postingsOffsets[i]!);
  });
}

export function readDir(data: Uint8Array): TextIndexDir {
  const input = new ByteReader(data);
  const format = input.varint();
  if (format !== TEXT_INDEX_FORMAT)
    throw new Error(`the text index has format ${format}, this app reads ${TEXT_INDEX_FORMAT}`);
  const n = input.varint();
  const dir: TextIndexDir = { firstTerms: [], vocabOffsets: [0], postingsOffsets: [0] };
  for (let i = 0; i < n; i++) {
    dir.firstTerms.push(input.string());
    dir.vocabOffsets.push(dir.vocabOffsets[i]! + input.varint());
    dir.postingsOffsets.push(dir.postingsOffsets[i]! + input.varint());
  }
  return dir;
}

/**
 * The `words` file before gzip: the term count, the block size, the byte length of the joined
 * terms, the terms joined by `\n` as UTF-8, then each term's list bytes.
 */
export function writeWords(
  out: ByteWriter,
  joined: Uint8Array,
  listBytes: ArrayLike<number>,
  blockTerms = BLOCK_TERMS,
): void {
  out.varint(listBytes.length);
  out.varint(blockTerms);
  out.varint(joined.length);
  out.bytes(joined);
  for (let i = 0; i < listBytes.length; i++) out.varint(listBytes[i]!);
}

export interface WordList {
  blockTerms: number;
  /** The terms joined by `\n`, as UTF-8. */
  joined: Uint8Array;
  /** Where each term starts in `joined`. */
  starts: Int32Array;
  /** Each term's bytes in `postings`. */
  listBytes: Uint32Array;
}

export function readWords(data: Uint8Array): WordList {
  const input = new ByteReader(data);
  const count = input.varint();
  const blockTerms = input.varint();
  const joined = input.bytes(input.varint());
  const listBytes = new Uint32Array(count);
  for (let i = 0; i < count; i++) listBytes[i] = input.varint();
  const starts = new Int32Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    starts[i] = at;
    const newline = joined.indexOf(0x0a, at);
    at = newline < 0 ? joined.length : newline + 1;
  }
  if (at !== joined.length) throw new Error('the text index’s word list does not match its count');
  return { blockTerms, joined, starts, listBytes };
}
