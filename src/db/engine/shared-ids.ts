import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { buildCreateSharedIds, SHARED_IDS } from '../../sql/conversation-summary';
import { quoteIdentifier } from '../../sql/quote';

/**
 * `shared_ids` (src/sql/conversation-summary.ts) of the current `conversations`: made once per open,
 * after the first screen, so that a clicked row's summary is read by its ordinal. Until it is made,
 * and after every swap until it is made again, the summary is looked up by id, as before.
 */
let made = false;
let swapsSoFar = 0;

export const SHARED_IDS_MEASURE = 'convoscope:shared-ids';

export const sharedIdsReady = (): boolean => made;

/** Never fails: without the table (say, out of memory) summaries are still looked up by id. */
export async function makeSharedIds(conn: AsyncDuckDBConnection): Promise<void> {
  if (made) return;
  const swaps = swapsSoFar;
  const started = performance.now();
  try {
    await conn.query(buildCreateSharedIds());
  } catch (err) {
    console.warn(`${SHARED_IDS} not made:`, err);
    return;
  }
  // A swap meanwhile dropped it, or it was made from the new table: make sure next time.
  if (swaps !== swapsSoFar) return;
  made = true;
  // Tests wait for this measure before a click that must take the path through the table.
  performance.measure(SHARED_IDS_MEASURE, { start: started });
}

/** In the swap's transaction: the old dataset's table goes with it. */
export const dropSharedIdsStatement = `DROP TABLE IF EXISTS ${quoteIdentifier(SHARED_IDS)}`;

/** Called once the swap has committed. */
export function forgetSharedIds(): void {
  made = false;
  swapsSoFar += 1;
}
