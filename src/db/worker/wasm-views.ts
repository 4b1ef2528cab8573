import type { Table } from 'apache-arrow';
import { parseTable } from 'arrow-js-ffi';

/** What parquet-wasm's `Table` offers for zero-copy reading (its browser and Node builds alike). */
interface WasmTable {
  intoFFI(): { arrayAddrs(): Uint32Array; schemaAddr(): number; free(): void };
}

/**
 * `table` handed to `read` as Arrow views on parquet-wasm's memory, and freed once it returns:
 * nothing is copied out of WebAssembly (serialising a row group's text to IPC and parsing it back
 * cost more than the match itself). So `read` must be synchronous, and what it returns must not hold
 * the views: they end with this call, or earlier if the wasm memory grows. arrow-js-ffi sizes its
 * views without the arrays' own offsets, which parquet-wasm's fresh batches never set.
 */
export function withViews<T>(
  table: WasmTable,
  memory: () => WebAssembly.Memory,
  read: (table: Table) => T,
): T {
  const stream = table.intoFFI();
  try {
    // The addresses first: asking for them allocates in wasm, which may grow (and so detach) the
    // memory's buffer.
    const arrays = stream.arrayAddrs();
    const schema = stream.schemaAddr();
    return read(parseTable(memory().buffer, arrays, schema, false));
  } finally {
    stream.free();
  }
}
