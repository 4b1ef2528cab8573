/**
 * Sizes of posting lists, counted as postings arrive (conversations come in `row` order), so the
 * study never holds 100s of millions of postings: per term only a few counters. Three encodings:
 * - varint: gaps between successive conversation numbers, LEB128 (Code Search, zoekt);
 * - roaring: Roaring bitmaps' containers of 2^16 numbers (array, bitmap or runs, the smallest),
 *   4 bytes of key and cardinality each, 8 per list;
 * - hybrid: per list, the smaller of plain varint and per-container choice of varint gaps, an
 *   8 KiB bitmap or runs (2 bytes of header each): what a reader of our own would decode.
 */

const CONTAINER_BITS = 16;
const BITMAP_BYTES = 1 << (CONTAINER_BITS - 3);

export function varintBytes(n: number): number {
  return n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5;
}

export interface PostingTotals {
  terms: number;
  postings: number;
  varint: number;
  roaring: number;
  hybrid: number;
  /** Postings in lists holding at least 1/8 of all conversations, where a bitmap wins. */
  densePostings: number;
  /** Hybrid bytes of those dense lists: what a stop-list of them would save. */
  denseHybrid: number;
}

type Field =
  | 'count'
  | 'last'
  | 'varint'
  | 'container'
  | 'card'
  | 'runs'
  | 'containerVarint'
  | 'roaring'
  | 'chunked';
const FIELDS: Field[] = [
  'count',
  'last',
  'varint',
  'container',
  'card',
  'runs',
  'containerVarint',
  'roaring',
  'chunked',
];

export class PostingStats {
  private cols: Record<Field, Int32Array>;
  private capacity = 0;
  /** Hybrid bytes per term, filled by finish(). */
  hybrid = new Int32Array(0);

  constructor() {
    this.cols = Object.fromEntries(FIELDS.map((f) => [f, new Int32Array(0)])) as Record<
      Field,
      Int32Array
    >;
  }

  private grow(id: number): void {
    let capacity = Math.max(1024, this.capacity);
    while (capacity <= id) capacity *= 2;
    for (const f of FIELDS) {
      const next = new Int32Array(capacity);
      next.set(this.cols[f]);
      if (f === 'last') next.fill(-1, this.capacity);
      this.cols[f] = next;
    }
    this.capacity = capacity;
  }

  /** Conversation `doc` holds term `id`; false if it was already counted for this `doc`. */
  add(id: number, doc: number): boolean {
    if (id >= this.capacity) this.grow(id);
    const c = this.cols;
    const last = c.last[id]!;
    if (last === doc) return false;
    const container = doc >>> CONTAINER_BITS;
    if (c.count[id]! > 0 && container !== c.container[id]) this.close(id);
    if (c.card[id] === 0) c.container[id] = container;
    const gap = doc - last; // first gap: doc + 1, as `last` starts at -1
    const bytes = varintBytes(gap);
    c.varint[id]! += bytes;
    c.containerVarint[id]! += bytes;
    if (gap !== 1 || c.card[id] === 0) c.runs[id]!++;
    c.card[id]!++;
    c.count[id]!++;
    c.last[id] = doc;
    return true;
  }

  /** Whether term `id` was seen in conversation `doc` (the last one added for it). */
  seenIn(id: number, doc: number): boolean {
    return id < this.capacity && this.cols.last[id] === doc;
  }

  count(id: number): number {
    return id < this.capacity ? this.cols.count[id]! : 0;
  }

  private close(id: number): void {
    const c = this.cols;
    const card = c.card[id]!;
    const runs = 2 + 4 * c.runs[id]!;
    c.roaring[id]! += 4 + Math.min(2 * card, BITMAP_BYTES, runs);
    c.chunked[id]! += 2 + Math.min(c.containerVarint[id]!, BITMAP_BYTES, runs);
    c.card[id] = 0;
    c.runs[id] = 0;
    c.containerVarint[id] = 0;
  }

  /** Closes every open container; `docs` conversations were indexed. Call once, at the end. */
  finish(terms: number, docs: number): PostingTotals {
    const c = this.cols;
    const totals: PostingTotals = {
      terms: 0,
      postings: 0,
      varint: 0,
      roaring: 0,
      hybrid: 0,
      densePostings: 0,
      denseHybrid: 0,
    };
    this.hybrid = new Int32Array(Math.max(terms, 1));
    for (let id = 0; id < Math.min(terms, this.capacity); id++) {
      const n = c.count[id]!;
      if (n === 0) continue;
      if (c.card[id]! > 0) this.close(id);
      const hybrid = Math.min(c.varint[id]!, c.chunked[id]!);
      this.hybrid[id] = hybrid;
      totals.terms++;
      totals.postings += n;
      totals.varint += c.varint[id]!;
      totals.roaring += 8 + c.roaring[id]!;
      totals.hybrid += hybrid;
      if (n * 8 >= docs) {
        totals.densePostings += n;
        totals.denseHybrid += hybrid;
      }
    }
    return totals;
  }
}
