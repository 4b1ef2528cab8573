import {
  Bool,
  Float64,
  Table,
  Utf8,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { RowGroupChunks } from './row-group-chunks';

/** A stream of `n` rows numbered from `start`, with nulls in every column now and then. */
function stream(start: number, n: number): Uint8Array {
  const rows = Array.from({ length: n }, (_, i) => start + i);
  return tableToIPC(
    new Table({
      row: vectorFromArray(
        rows.map((r) => r),
        new Float64(),
      ),
      id: vectorFromArray(
        rows.map((r) => (r % 7 === 3 ? null : `id-${r}`)),
        new Utf8(),
      ),
      flagged: vectorFromArray(
        rows.map((r) => (r % 5 === 1 ? null : r % 3 === 0)),
        new Bool(),
      ),
    }),
    'stream',
  );
}

const rowsOf = (ipc: Uint8Array) =>
  tableFromIPC(ipc)
    .toArray()
    .map((r) => r.toJSON());
const expected = (start: number, n: number) => rowsOf(stream(start, n));

describe('RowGroupChunks', () => {
  it('cuts streams of any sizes into chunks of exactly the size, in order, and keeps every row', () => {
    const chunks = new RowGroupChunks(100);
    const sizes = [37, 0, 64, 150, 1, 99, 250, 3];
    const out: Uint8Array[] = [];
    let start = 0;
    for (const n of sizes) {
      out.push(...chunks.add(stream(start, n)));
      start += n;
    }
    const rest = chunks.rest();
    expect(out.map((c) => tableFromIPC(c).numRows)).toEqual([100, 100, 100, 100, 100, 100]);
    expect(rest && tableFromIPC(rest).numRows).toBe(4);
    expect([...out, rest!].flatMap(rowsOf)).toEqual(expected(0, start));
    expect(chunks.rest()).toBeUndefined();
  });

  it('returns nothing until a chunk is full, and nothing at the end when no row is left', () => {
    const chunks = new RowGroupChunks(10);
    expect(chunks.add(stream(0, 4))).toEqual([]);
    const [full] = chunks.add(stream(4, 6));
    expect(rowsOf(full!)).toEqual(expected(0, 10));
    expect(chunks.rest()).toBeUndefined();
  });
});
