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

/** Makes the score cube of `category` unless this dataset has it already. */
export async function ensureScoreCube(
  conn: AsyncDuckDBConnection,
  category: CategoryId,
): Promise<void> {
  if (made.has(category)) return;
  const started = performance.now();
  const swaps = swapsSoFar;
  await conn.query(buildCreateScoreCube(category));
  // A swap meanwhile dropped it (or it was made from the new table): make sure next time.
  if (swaps !== swapsSoFar) return;
  made.add(category);
  const rows = await countRows(conn, scoreCubeName(category));
  performance.measure(SCORE_CUBE_MEASURE, { start: started, detail: { rows, category } });
}

/** Score cubes of the current `conversations`; emptied by every swap. */
const made = new Set<CategoryId>();
let swapsSoFar = 0;

/** Called in the swap, with the score cubes dropped. */
export function forgetScoreCubes(): void {
  made.clear();
  swapsSoFar += 1;
}

async function countRows(conn: AsyncDuckDBConnection, table: string): Promise<number> {
  const result = await conn.query(`SELECT count(*)::DOUBLE AS n FROM ${quoteIdentifier(table)}`);
  return Number(result.getChild('n')?.get(0) ?? -1);
}
