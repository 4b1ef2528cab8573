import { CONVERSATIONS } from '../conversations-table';
import { buildCreateFacetCube, buildCreateScoreCube, buildSwapCubes } from '../facet-cube';
import { CATEGORY_IDS } from '../../model/moderation';
import type { SqlQuery } from '../query';

/**
 * Makes every cube of the fixture's `conversations` with the statements the browser runs: the facet
 * cube as a swap makes it (staging name, then the swap's drops and rename) and all score cubes.
 */
export async function makeCubes(run: (query: SqlQuery) => Promise<unknown>): Promise<void> {
  const statements = [
    buildCreateFacetCube(CONVERSATIONS),
    ...buildSwapCubes(),
    ...CATEGORY_IDS.map(buildCreateScoreCube),
  ];
  for (const sql of statements) await run({ sql, params: [] });
}
