import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { buildCreateSharedIds, SHARED_IDS } from '../../sql/conversation-summary';
import { quoteIdentifier } from '../../sql/quote';

export const SHARED_IDS_MEASURE = 'convoscope:shared-ids';

/** In the swap's transaction: the old dataset's table goes with it. */
export const dropSharedIdsStatement = `DROP TABLE IF EXISTS ${quoteIdentifier(SHARED_IDS)}`;

/**
 * `shared_ids` (src/sql/conversation-summary.ts) of the engine's current `conversations`: made once
 * per open, after the first screen, so that a clicked row's summary is read by its ordinal. Until it
 * is made, and after every swap until it is made again, the summary is looked up by id, as before.
 */
export class SharedIds {
  private made = false;
  private swapsSoFar = 0;

  ready(): boolean {
    return this.made;
  }

  /** Never fails: without the table (say, out of memory) summaries are still looked up by id. */
  async make(conn: AsyncDuckDBConnection): Promise<void> {
    if (this.made) return;
    const swaps = this.swapsSoFar;
    const started = performance.now();
    try {
      await conn.query(buildCreateSharedIds());
    } catch (err) {
      console.warn(`${SHARED_IDS} not made:`, err);
      return;
    }
    // A swap meanwhile dropped it, or it was made from the new table: make sure next time.
    if (swaps !== this.swapsSoFar) return;
    this.made = true;
    // Tests wait for this measure before a click that must take the path through the table.
    performance.measure(SHARED_IDS_MEASURE, { start: started });
  }

  /** Called as a swap starts and once it has committed. */
  forget(): void {
    this.made = false;
    this.swapsSoFar += 1;
  }
}
