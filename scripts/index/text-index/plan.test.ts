import { describe, expect, it } from 'vitest';
import { splitRows } from './plan';

describe('splitRows', () => {
  const shards = [
    { path: 'a', rows: 5 },
    { path: 'b', rows: 0 },
    { path: 'c', rows: 10 },
  ];

  it('cuts the rows into contiguous ranges that cover each row once, in order', () => {
    for (let parts = 1; parts <= 20; parts++) {
      const plan = splitRows(shards, parts);
      expect(plan).toHaveLength(Math.min(parts, 15));
      const rows = plan.flat().flatMap((r) => {
        const out: number[] = [];
        for (let row = r.from; row < r.to; row++) out.push(r.rowOffset + row);
        return out;
      });
      expect(rows).toEqual([...Array(15).keys()]);
      const sizes = plan.map((ranges) => ranges.reduce((n, r) => n + r.to - r.from, 0));
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('gives each shard range its shard’s first global row', () => {
    expect(splitRows(shards, 2)).toEqual([
      [
        { path: 'a', from: 0, to: 5, rowOffset: 0 },
        { path: 'c', from: 0, to: 2, rowOffset: 5 },
      ],
      [{ path: 'c', from: 2, to: 10, rowOffset: 5 }],
    ]);
  });
});
