import { parquetMetadata } from 'hyparquet';

/**
 * Whether a parquet footer points at an offset index (the page locations of each column chunk).
 * parquet-wasm reads a file's page index when it has one, and then fetches and decodes only the
 * pages holding the rows asked for; without one it takes every column chunk whole. So a giant row
 * group is worth keeping decoded (kept-group.ts) only in a file without it. parquet-wasm does not
 * expose the footer's index offsets, so hyparquet parses the footer. `tail` is the file's last bytes,
 * holding the whole footer (`footerTail`).
 */
export function hasOffsetIndex(tail: Uint8Array): boolean {
  return parquetMetadata(tail).row_groups.some((group) =>
    group.columns.some((column) => column.offset_index_offset !== undefined),
  );
}

/**
 * A file's last bytes (`PAR1` last) when they hold its whole footer, or how many last bytes it
 * needs when `tail` is too short.
 */
export function footerTail(tail: Uint8Array): Uint8Array | { need: number } {
  const n = tail.length;
  if (n < 8 || String.fromCharCode(...tail.subarray(n - 4)) !== 'PAR1') {
    throw new Error('not a parquet file: it does not end with PAR1');
  }
  const length = new DataView(tail.buffer, tail.byteOffset + n - 8, 4).getUint32(0, true);
  return length + 8 > n ? { need: length + 8 } : tail;
}
