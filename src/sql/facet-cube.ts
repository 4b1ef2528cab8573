import type { StoredSubset } from '../model/stored-subset';
import { scoreBin, scoreColumnFor } from './charts';
import { CONVERSATIONS } from './conversations-table';
import { CATEGORIES, type CategoryId } from '../model/moderation';
import type { SqlQuery } from './query';
import { quoteIdentifier } from './quote';
import { buildIdSetCondition } from './id-sets';
import { buildSearchHitsCondition } from './search-hits';

/**
 * Pre-aggregated counts: why they exist.
 *
 * A filter change must update every facet count and chart within 100 ms at 1,000,000
 * conversations (docs/performance.md). Any statement over the 1M-row `conversations` takes
 * several times that in DuckDB-WASM (no threads), and native DuckDB misses it too. But
 * every facet and chart only filters and groups on a few low-cardinality columns. Grouping
 * `conversations` once by exactly those columns, with a count `n` per group, gives a table of some
 * tens of thousands of rows with the same column names. Any condition on those columns is true or
 * false for a whole group at once, so summing `n` over the groups a filter state keeps gives the
 * same numbers as counting the rows, by construction. The page reads each cube once and does that
 * summing itself (src/model/cube-counts.ts, src/model/cube-charts.ts): a
 * DuckDB-WASM statement per filter change cost more than the counting.
 *
 * - `facet_cube`: grouped by `CUBE_DIMENSIONS` (`turn` as is, so every turn range stays exact);
 *   made with every new `conversations` (src/db/facet-cube-tables.ts, called by `swapInStaging`).
 * - `score_cube_<category>`: the same plus the chart's score bin of that category's maximum;
 *   made on the first chart of that category (the 11 bins at once would be as many rows as the
 *   table), dropped with every new `conversations`.
 *
 * What the cubes cannot answer falls back to `conversations`: a minimum score (a threshold inside
 * a bin); a completed text search (`search_hits`) and a console id set (`id_sets`) are answered by
 * a cube of those conversations alone (`buildReadSubsetCube`).
 */
export const FACET_CUBE = 'facet_cube';
/** The cube made beside the staging table, renamed to `FACET_CUBE` in the swap's transaction. */
export const FACET_CUBE_STAGING = 'facet_cube_next';

/** Measures of each cube's making, with `detail.rows`; read by the bench (scripts/bench). */
export const FACET_CUBE_MEASURE = 'convoscope:facet-cube';
export const SCORE_CUBE_MEASURE = 'convoscope:score-cube';

export const scoreCubeName = (id: CategoryId) => `score_cube_${id}` as const;

/** Every `conversations` column a filter condition, facet or chart reads, but the scores. */
export const CUBE_DIMENSIONS = [
  'model',
  'language',
  'turn',
  'redacted',
  'toxic',
  'country',
  'flagged',
  'user_flagged',
  'assistant_flagged',
  ...CATEGORIES.map((c) => c.id),
] as const;

/** `facet_cube_next` from `from` (the staging table), for the swap to rename. */
export function buildCreateFacetCube(from: string): string {
  const dimensions = CUBE_DIMENSIONS.map(quoteIdentifier).join(', ');
  return `CREATE OR REPLACE TABLE ${quoteIdentifier(FACET_CUBE_STAGING)} AS
SELECT ${dimensions}, count(*) AS n FROM ${quoteIdentifier(from)} GROUP BY ALL`;
}

/** Makes the score cube of `scoreCategory` from `conversations` unless it exists. */
export function buildCreateScoreCube(scoreCategory: CategoryId): string {
  const dimensions = CUBE_DIMENSIONS.map(quoteIdentifier).join(', ');
  return `CREATE TABLE IF NOT EXISTS ${cubeTable(scoreCategory)} AS
SELECT ${dimensions}, ${scoreBin(scoreColumnFor(scoreCategory))} AS bin, count(*) AS n
FROM ${quoteIdentifier(CONVERSATIONS)} GROUP BY ALL`;
}

/**
 * For the swap's transaction, after `conversations` is replaced: the previous dataset's cubes go,
 * the staging facet cube takes their place.
 */
export function buildSwapCubes(): string[] {
  return [
    `DROP TABLE IF EXISTS ${quoteIdentifier(FACET_CUBE)}`,
    ...CATEGORIES.map(({ id }) => `DROP TABLE IF EXISTS ${cubeTable(id)}`),
    `ALTER TABLE ${quoteIdentifier(FACET_CUBE_STAGING)} RENAME TO ${quoteIdentifier(FACET_CUBE)}`,
  ];
}

/** The score cube's name, from the closed category list (never the caller's string). */
function cubeTable(id: CategoryId): string {
  const category = CATEGORIES.find((c) => c.id === id);
  if (!category) throw new Error(`Unknown moderation category: ${String(id)}`);
  return quoteIdentifier(scoreCubeName(category.id));
}

/** The cube's dimensions as the page reads them (`turn` as DOUBLE: BIGINT arrives as a bigint). */
const readColumns = () =>
  CUBE_DIMENSIONS.map((c) => (c === 'turn' ? 'turn::DOUBLE AS turn' : quoteIdentifier(c)));

/**
 * Every row of the facet cube, or of `scoreCategory`'s score cube (with its `bin`), with `turn`
 * and `n` as DOUBLE (BIGINT arrives in the page as a bigint): the page counts facets and charts
 * from them (src/model/cube-counts.ts, src/model/cube-charts.ts).
 */
export function buildReadCube(scoreCategory?: CategoryId): string {
  const columns = readColumns();
  if (scoreCategory === undefined)
    return `SELECT ${columns.join(', ')}, n::DOUBLE AS n FROM ${quoteIdentifier(FACET_CUBE)}`;
  return `SELECT ${columns.join(', ')}, bin, n::DOUBLE AS n FROM ${cubeTable(scoreCategory)}`;
}

/**
 * The facet cube of a stored subset's conversations alone, in `buildReadCube`'s columns (with
 * `scoreCategory`'s `bin`, as its score cube, when given), read straight into the page: one scan
 * when the search completes or the ids are stored, and every filter change under them is then
 * counted in the page instead of by a statement over `conversations` (docs/performance-log.md).
 */
export function buildReadSubsetCube(subset: StoredSubset, scoreCategory?: CategoryId): SqlQuery {
  const conditions: SqlQuery[] = [];
  if (subset.searchHits !== undefined) conditions.push(buildSearchHitsCondition(subset.searchHits));
  if (subset.idSet !== undefined) conditions.push(buildIdSetCondition(subset.idSet));
  if (conditions.length === 0) throw new Error('a subset cube needs a stored subset');
  const bin =
    scoreCategory === undefined ? '' : `, ${scoreBin(scoreColumnFor(scoreCategory))} AS bin`;
  return {
    sql: `SELECT ${readColumns().join(', ')}${bin}, count(*)::DOUBLE AS n
FROM ${quoteIdentifier(CONVERSATIONS)} WHERE ${conditions.map((c) => c.sql).join(' AND ')}
GROUP BY ALL`,
    params: conditions.flatMap((c) => c.params),
  };
}
