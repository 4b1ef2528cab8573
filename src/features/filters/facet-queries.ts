import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../db';
import { buildReadCube, buildReadSubsetCube } from '../../sql/facet-cube';
import { cubeAnswers, storedSubset, subsetKey, type StoredSubset } from '../../model/stored-subset';
import { buildFacetCountsQuery } from '../../sql/facets';
import { parseFacetRows } from '../../model/facet-counts';
import { cubeColumns, cubeFacetRows, type CubeColumns } from '../../model/cube-counts';
import { readCubeOnce } from './cube-reads';
import type { Filters } from '../../model/filters';
import { buildCountQuery } from '../../sql/conversation-count';
import { serializeFilters } from '../../model/filters-url';

/**
 * The key part that names one filter state: its canonical URL form, plus the ids of the completed
 * search and of the console query's stored ids (either narrows nothing until its rows are stored,
 * and then the key must change).
 */
export const filtersKey = (filters: Filters) =>
  serializeFilters(filters).toString() +
  (filters.searchHits === undefined ? '' : `#hits=${filters.searchHits}`) +
  (filters.idSet === undefined ? '' : `#ids=${filters.idSet}`);

/** The facet cube of the open dataset, read into the page once. */
const facetCube = (engine: Engine, datasetId: number): Promise<CubeColumns> =>
  readCubeOnce(datasetId, 'facet', () =>
    engine.query({ sql: buildReadCube(), params: [] }, { urgent: true }).then(cubeColumns),
  );

/** The facet cube of a stored subset (a search's hits, stored ids), read once; the last 4 kept. */
const subsetCube = (
  engine: Engine,
  datasetId: number,
  subset: StoredSubset,
): Promise<CubeColumns> =>
  readCubeOnce(
    datasetId,
    `subset:${subsetKey(subset)}`,
    () => engine.query(buildReadSubsetCube(subset), { urgent: true }).then(cubeColumns),
    { prefix: 'subset:', keep: 4 },
  );

/**
 * Every facet count plus N and M for one filter state: counted in the page from the facet cube when
 * it can answer (src/model/cube-counts.ts), or under a completed search or stored ids
 * from the cube of those rows, else by a statement over `conversations`; old counts stay shown
 * while new ones run.
 */
export function facetCountsOptions(engine: Engine, datasetId: number, filters: Filters) {
  return queryOptions({
    queryKey: ['facets', datasetId, filtersKey(filters)],
    queryFn: async () => {
      if (cubeAnswers(filters))
        return parseFacetRows(cubeFacetRows(await facetCube(engine, datasetId), filters), filters);
      const subset = storedSubset(filters);
      if (subset && cubeAnswers(filters, 'subset')) {
        const [everything, rows] = await Promise.all([
          facetCube(engine, datasetId),
          subsetCube(engine, datasetId, subset),
        ]);
        return parseFacetRows(cubeFacetRows(rows, filters, everything), filters);
      }
      return parseFacetRows(
        await engine.query(buildFacetCountsQuery(filters), { urgent: true }),
        filters,
      );
    },
    placeholderData: keepPreviousData,
  });
}

/** N: every conversation of the open dataset. */
export function conversationCountOptions(engine: Engine, datasetId: number) {
  return queryOptions({
    queryKey: ['conversations', 'count', datasetId],
    queryFn: async () => {
      const [row] = await engine.query<{ n: number }>(buildCountQuery());
      return row?.n ?? 0;
    },
  });
}
