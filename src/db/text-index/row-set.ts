/** A set of conversation rows in `[0, size)` as a bitset: the index's candidates. */
export class RowSet {
  private readonly words: Uint32Array;

  constructor(readonly size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32));
  }

  add(row: number): void {
    // A row past the dataset is a corrupt index, not a candidate: `has` and `rows` never see it.
    if (row < this.size) this.words[row >>> 5]! |= 1 << (row & 31);
  }

  has(row: number): boolean {
    return (this.words[row >>> 5]! & (1 << (row & 31))) !== 0;
  }

  /** This set narrowed to the rows also in `other` (in place). */
  and(other: RowSet): RowSet {
    for (let i = 0; i < this.words.length; i++) this.words[i]! &= other.words[i] ?? 0;
    return this;
  }

  count(): number {
    let n = 0;
    for (let w of this.words) {
      w -= (w >>> 1) & 0x55555555;
      w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
      n += Math.imul((w + (w >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
    }
    return n;
  }

  /** The rows in `[from, to)`, ascending. */
  rows(from = 0, to = this.size): number[] {
    const out: number[] = [];
    for (let i = from >>> 5; i < this.words.length && i * 32 < to; i++) {
      let w = this.words[i]!;
      while (w !== 0) {
        const low = w & -w;
        const row = i * 32 + (31 - Math.clz32(low));
        if (row >= from && row < to) out.push(row);
        w ^= low;
      }
    }
    return out;
  }
}
