import { isFacetActive, type Filters } from './filters';

/**
 * What a cube's rows stand for: every conversation (`facet_cube`, the score cubes), or only a
 * stored subset of them (`buildReadSubsetCube`).
 */
export type CubeScope = 'all' | 'subset';

/**
 * The stored row sets narrowing a filter state: a completed search's hits (`search_hits`) and a
 * console query's stored ids (`id_sets`). Neither narrows until it is stored.
 */
export interface StoredSubset {
  searchHits: number | undefined;
  idSet: number | undefined;
}

/** The subset narrowing `filters`, by the rule `isFacetActive` states (and `buildFilterWhere` applies); none when neither does. */
export function storedSubset(filters: Filters): StoredSubset | undefined {
  const searchHits = isFacetActive(filters, 'search') ? filters.searchHits : undefined;
  const idSet = isFacetActive(filters, 'idQuery') ? filters.idSet : undefined;
  return searchHits === undefined && idSet === undefined ? undefined : { searchHits, idSet };
}

/** Names a subset, e.g. for the page's cache of cubes read. */
export const subsetKey = ({ searchHits, idSet }: StoredSubset) =>
  `hits=${searchHits ?? '-'},ids=${idSet ?? '-'}`;

/**
 * True when every active filter is a condition on `CUBE_DIMENSIONS` alone: the cubes can answer
 * the state (for charts, once the category's score cube is made, `buildCreateScoreCube`). With a
 * stored subset, only a cube of that subset (`scope` 'subset') answers, in the same way.
 */
export function cubeAnswers(filters: Filters, scope: CubeScope = 'all'): boolean {
  const minScores = Object.values(filters.minScores).some((min) => min !== undefined);
  return (storedSubset(filters) !== undefined) === (scope === 'subset') && !minScores;
}
