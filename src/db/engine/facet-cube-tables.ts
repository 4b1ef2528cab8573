import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import {
  buildCreateFacetCube,
  buildCreateScoreCube,
  buildSwapCubes,
  FACET_CUBE_MEASURE,
  FACET_CUBE_STAGING,
  SCORE_CUBE_MEASURE,
  scoreCubeName,
} from '../../sql/facet-cube';
import type { CategoryId } from '../../model/moderation';
import { quoteIdentifier } from '../../sql/quote';
import type { SharedIds } from './shared-ids';

/**
 * Makes the facet cube of the staging table (src/sql/facet-cube.ts) before the swap, so the swap's
 * transaction stays short and the open dataset keeps answering meanwhile.
 */
export async function prepareFacetCube(conn: AsyncDuckDBConnection, from: string): Promise<void> {
  const started = performance.now();
  await conn.query(buildCreateFacetCube(from));
  const rows = await countRows(conn, FACET_CUBE_STAGING);
  performance.measure(FACET_CUBE_MEASURE, { start: started, detail: { rows } });
}

/** Statements for the swap's transaction: the old dataset's cubes out, the prepared one in. */
export const swapCubeStatements = buildSwapCubes;

/** Score cubes of the engine's current `conversations`; emptied by every swap. */
export class ScoreCubes {
  private readonly made = new Set<CategoryId>();
  private swapsSoFar = 0;

  /** Makes the score cube of `category` unless this dataset has it already. */
  async ensure(conn: AsyncDuckDBConnection, category: CategoryId): Promise<void> {
    if (this.made.has(category)) return;
    const started = performance.now();
    const swaps = this.swapsSoFar;
    await conn.query(buildCreateScoreCube(category));
    // A swap meanwhile dropped it (or it was made from the new table): make sure next time.
    if (swaps !== this.swapsSoFar) return;
    this.made.add(category);
    const rows = await countRows(conn, scoreCubeName(category));
    performance.measure(SCORE_CUBE_MEASURE, { start: started, detail: { rows, category } });
  }

  /** Called in the swap, with the score cubes dropped. */
  forget(): void {
    this.made.clear();
    this.swapsSoFar += 1;
  }
}

/** The tables an engine derives from its current `conversations`, which every swap forgets. */
export interface DerivedTables {
  sharedIds: SharedIds;
  scoreCubes: ScoreCubes;
}

async function countRows(conn: AsyncDuckDBConnection, table: string): Promise<number> {
  const result = await conn.query(`SELECT count(*)::DOUBLE AS n FROM ${quoteIdentifier(table)}`);
  return Number(result.getChild('n')?.get(0) ?? -1);
}
