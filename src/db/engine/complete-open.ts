import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { SharedIds } from './shared-ids';

/**
 * What every open leaves for after its first screen. `conversations` is compressed (DuckDB's
 * checkpoint of in-memory tables): inserts of whole row groups leave it uncompressed, and are
 * several times faster than small ones, which compress as they go. Then `shared_ids` is made.
 * Never fails: an uncompressed table still answers.
 */
export async function completeOpen(
  conn: AsyncDuckDBConnection,
  sharedIds: SharedIds,
): Promise<void> {
  const started = performance.now();
  try {
    await conn.query('CHECKPOINT');
    performance.measure(COMPRESS_MEASURE, { start: started });
  } catch (err) {
    console.warn('conversations not compressed:', err);
  }
  await sharedIds.make(conn);
}
export const COMPRESS_MEASURE = 'convoscope:compress';
