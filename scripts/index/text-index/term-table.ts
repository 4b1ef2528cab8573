import { scanTerms } from './scan-terms';
import { sortTermIds } from './sort-terms';
import { TermBatch } from './term-batch';

/**
 * One worker's vocabulary and postings, in typed arrays so that tens of millions of postings and
 * millions of terms cost a few bytes each and nothing for the garbage collector to trace:
 *
 * - terms live in an open-addressing hash table over their code units (`slots` -> term id), their
 *   text in one `arena`, so looking up a term already seen copies nothing;
 * - a posting is appended to a `log` once per term, role and conversation (the term's record
 *   remembers the last row per role), as the term's list index `id * 3 + role` only: the rows come
 *   in ascending order, so each row is stored once, where its postings start (`changeRows`);
 * - `finish` sorts the terms and counting-sorts the log by term and role, which keeps each list's
 *   rows in ascending order without comparing them.
 */

const LOG_CHUNK = 1 << 22;
/** The longest string V8 makes (2^29 - 24 code units): the sorted terms are sent as one. */
const MAX_TEXT = 2 ** 29 - 24;
/**
 * Per term in `terms`: where its text starts in `arena` and its length, per role the last row
 * added to its list and the list's length. One 32-byte record, so that a lookup touches one cache
 * line for all of them.
 */
const STRIDE = 8;
const LENGTH = 1;
const LAST = 2;
const COUNT = 5;

/** A worker's part of the index: its terms sorted, and per term three lists of rows. */
export interface PartialIndex {
  /** The terms, ascending in JavaScript string order, one after another. */
  text: string;
  /** Where each term ends in `text`. */
  ends: Uint32Array;
  /** Per term and role, its list's length: 3 per term. */
  counts: Uint32Array;
  /** All lists, one after another in the order of `counts`. */
  rows: Uint32Array;
}

export class TermTable {
  size = 0;
  postings = 0;
  /** The row and list (0 user, 1 assistant, 2 other) of the message being added. */
  private row = 0;
  private role = 0;
  private batch = new TermBatch();
  /** The sum of `prefetch`'s reads, kept so that the compiler keeps them. */
  private touched = 0;

  /** Pairs of term id + 1 (0: empty) and the term's hash, so a probe reads one place. */
  private slots = new Int32Array(2 << 16);
  private mask = (1 << 16) - 1;
  private terms = new Int32Array(STRIDE << 15);
  private arena = new Uint16Array(1 << 20);
  private arenaLength = 0;

  private chunk = new Uint32Array(LOG_CHUNK);
  private log: Uint32Array[] = [this.chunk];
  private logAt = 0;
  /** Rows are only stored where they change: the posting count at which each row starts. */
  private changeRows = new Uint32Array(1 << 16);
  private changeAt = new Float64Array(1 << 16);
  private changes = 0;
  private logRow = -1;

  /** Adds the terms of one message (folded) of conversation `row`, to list `role`. */
  addMessage(folded: string, row: number, role: number): void {
    if (row < this.row) throw new Error('the text index got rows out of order');
    this.row = row;
    this.role = role;
    const batch = this.batch;
    batch.size = 0;
    scanTerms(folded, batch);
    this.prefetch(batch);
    for (let k = 0; k < batch.size; k++) {
      const start = batch.starts[k]!;
      this.add(batch.texts[k]!, start, start + batch.lengths[k]!, batch.hashes[k]!);
    }
  }

  /** Reads each term's slot, then its record and text, so that `add` finds them in the cache. */
  private prefetch(batch: TermBatch): void {
    const { slots, mask, terms, arena } = this;
    let touched = 0;
    for (let k = 0; k < batch.size; k++) touched += slots[(batch.hashes[k]! & mask) * 2]!;
    for (let k = 0; k < batch.size; k++) {
      const v = slots[(batch.hashes[k]! & mask) * 2]!;
      if (v === 0) continue;
      const record = (v - 1) * STRIDE;
      touched += terms[record + LAST + this.role]! + arena[terms[record]!]!;
    }
    this.touched += touched;
  }

  private add(s: string, start: number, end: number, hash: number): void {
    const len = end - start;
    const mask = this.mask;
    const slots = this.slots;
    let slot = hash & mask;
    let id: number;
    for (;;) {
      const v = slots[slot * 2]!;
      if (v === 0) {
        id = this.insert(s, start, len, hash, slot);
        break;
      }
      if (slots[slot * 2 + 1] === hash && this.same(v - 1, s, start, len)) {
        id = v - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    const record = id * STRIDE + this.role;
    if (this.terms[record + LAST] === this.row) return;
    this.terms[record + LAST] = this.row;
    this.terms[record + COUNT]!++;
    if (this.row !== this.logRow) this.rowChange();
    this.chunk[this.logAt++] = id * 3 + this.role;
    this.postings++;
    if (this.logAt === LOG_CHUNK) {
      this.log.push((this.chunk = new Uint32Array(LOG_CHUNK)));
      this.logAt = 0;
    }
  }

  private same(id: number, s: string, start: number, len: number): boolean {
    if (this.terms[id * STRIDE + LENGTH] !== len) return false;
    const from = this.terms[id * STRIDE]!;
    const arena = this.arena;
    for (let i = 0; i < len; i++) if (arena[from + i] !== s.charCodeAt(start + i)) return false;
    return true;
  }

  private insert(s: string, start: number, len: number, hash: number, slot: number): number {
    const id = this.size++;
    if ((id + 1) * STRIDE > this.terms.length) this.growTerms();
    const from = this.arenaLength;
    if (from + len > this.arena.length) {
      if (from + len > 2 ** 31 - 1)
        throw new Error('the text index has too many terms for one worker');
      const next = new Uint16Array(Math.min(Math.max(this.arena.length * 2, from + len), 2 ** 31));
      next.set(this.arena.subarray(0, from));
      this.arena = next;
    }
    for (let i = 0; i < len; i++) this.arena[from + i] = s.charCodeAt(start + i);
    this.arenaLength += len;
    this.terms[id * STRIDE] = from;
    this.terms[id * STRIDE + LENGTH] = len;
    this.terms.fill(-1, id * STRIDE + LAST, id * STRIDE + LAST + 3);
    this.slots[slot * 2] = id + 1;
    this.slots[slot * 2 + 1] = hash;
    // Half full at most, so probes stay short.
    if (this.size * 2 > this.mask) this.rehash();
    return id;
  }

  private growTerms(): void {
    const terms = new Int32Array(this.terms.length * 2);
    terms.set(this.terms);
    this.terms = terms;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (this.mask << 1) | 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] === 0) continue;
      let slot = old[at + 1]! & mask;
      while (slots[slot * 2] !== 0) slot = (slot + 1) & mask;
      slots[slot * 2] = old[at]!;
      slots[slot * 2 + 1] = old[at + 1]!;
    }
    this.slots = slots;
    this.mask = mask;
  }

  private rowChange(): void {
    if (this.changes === this.changeRows.length) {
      const rows = new Uint32Array(this.changes * 2);
      rows.set(this.changeRows);
      this.changeRows = rows;
      const at = new Float64Array(this.changes * 2);
      at.set(this.changeAt);
      this.changeAt = at;
    }
    this.changeRows[this.changes] = this.row;
    this.changeAt[this.changes++] = this.postings;
    this.logRow = this.row;
  }

  /**
   * The terms in order and their lists; the table is spent after. `timing` receives the seconds
   * of sorting the terms and of sorting the postings.
   */
  finish(timing: { sortTerms: number; sortPostings: number }): PartialIndex {
    let t = performance.now();
    if (this.arenaLength > MAX_TEXT)
      throw new Error(
        'a text index worker has more text in terms than a string holds: use more --threads',
      );
    const n = this.size;
    const terms = this.terms;
    const order = new Int32Array(n);
    for (let id = 0; id < n; id++) order[id] = id;
    sortTermIds(order, this.arena, terms, STRIDE);
    // The sorted text, each list's length in rank order, and where each list starts in `rows`.
    const units = new Uint16Array(this.arenaLength);
    const ends = new Uint32Array(n);
    const counts = new Uint32Array(n * 3);
    const next = new Uint32Array(n * 3);
    for (let rank = 0, end = 0, at = 0; rank < n; rank++) {
      const id = order[rank]!;
      const from = terms[id * STRIDE]!;
      const to = from + terms[id * STRIDE + LENGTH]!;
      for (let i = from; i < to; i++) units[end++] = this.arena[i]!;
      ends[rank] = end;
      for (let role = 0; role < 3; role++) {
        const count = terms[id * STRIDE + COUNT + role]!;
        counts[rank * 3 + role] = count;
        next[id * 3 + role] = at;
        at += count;
      }
    }
    this.slots = this.terms = new Int32Array(0);
    this.arena = new Uint16Array(0);
    // Terms hold no lone surrogate (none is a word character), so UTF-16 decodes them unchanged.
    const text = new TextDecoder('utf-16le').decode(units);
    const now = performance.now();
    timing.sortTerms += (now - t) / 1000;
    t = now;

    // Each posting to its list's next place: a list's rows stay in log order, ascending.
    const rows = new Uint32Array(this.postings);
    let change = 0;
    let row = 0;
    let nextChange = this.changes > 0 ? this.changeAt[0]! : Infinity;
    let at = 0;
    for (const [c, chunk] of this.log.entries()) {
      const end = c === this.log.length - 1 ? this.logAt : LOG_CHUNK;
      for (let i = 0; i < end; i++, at++) {
        while (at === nextChange) {
          row = this.changeRows[change++]!;
          nextChange = change < this.changes ? this.changeAt[change]! : Infinity;
        }
        rows[next[chunk[i]!]!++] = row;
      }
    }
    this.log = [];
    timing.sortPostings += (performance.now() - t) / 1000;
    return { text, ends, counts, rows };
  }
}
