import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';

/**
 * DuckDB's row group size (rows). An insert that starts inside a partly filled row group costs far
 * more than one that fills whole ones (docs/performance-log.md, "Inserts of whole row groups").
 */
export const DUCKDB_ROW_GROUP_ROWS = 122_880;

/**
 * Gathers Arrow IPC streams (same schema, any row counts) into IPC streams of exactly `size` rows,
 * in the order given; what is left at the end comes out of `rest`.
 */
export class RowGroupChunks {
  private pending: Table[] = [];
  private rows = 0;

  constructor(private readonly size = DUCKDB_ROW_GROUP_ROWS) {}

  /** Adds one stream; returns the chunks it completed (often none). */
  add(ipc: Uint8Array): Uint8Array[] {
    const table = tableFromIPC(ipc);
    if (table.numRows === 0) return [];
    this.pending.push(table);
    this.rows += table.numRows;
    const done: Uint8Array[] = [];
    while (this.rows >= this.size) done.push(this.take(this.size));
    return done;
  }

  /** The rows not yet in a chunk, as one stream; none when there are none. */
  rest(): Uint8Array | undefined {
    return this.rows > 0 ? this.take(this.rows) : undefined;
  }

  private take(rows: number): Uint8Array {
    const parts: Table[] = [];
    let needed = rows;
    while (needed > 0) {
      const head = this.pending[0]!;
      if (head.numRows <= needed) {
        parts.push(head);
        this.pending.shift();
        needed -= head.numRows;
      } else {
        parts.push(head.slice(0, needed));
        this.pending[0] = head.slice(needed);
        needed = 0;
      }
    }
    this.rows -= rows;
    // One copy of the rows into the new stream: its batches may come from several inputs.
    return tableToIPC(new Table(parts.flatMap((t) => t.batches)), 'stream');
  }
}
