import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { runQuery } from '../../db/engine';
import { facetSourceFor } from '../../sql/facet-cube';
import { buildFacetCountsQuery, parseFacetRows } from '../../sql/facets';
import type { Filters } from './filters';
import { serializeFilters } from './url-state';

/**
 * The key part that names one filter state: its canonical URL form, plus the ids of the completed
 * search and of the console query's stored ids (either narrows nothing until its rows are stored,
 * and then the key must change).
 */
export const filtersKey = (filters: Filters) =>
  serializeFilters(filters).toString() +
  (filters.searchHits === undefined ? '' : `#hits=${filters.searchHits}`) +
  (filters.idSet === undefined ? '' : `#ids=${filters.idSet}`);

/**
 * Every facet count plus N and M for one filter state, from the pre-aggregated counts when they can
 * answer it (src/sql/facet-cube.ts); old counts stay shown while new ones run.
 */
export function facetCountsOptions(datasetVersion: number, filters: Filters) {
  return queryOptions({
    queryKey: ['facets', datasetVersion, filtersKey(filters)],
    queryFn: async () => {
      const query = buildFacetCountsQuery(filters, { source: facetSourceFor(filters) });
      return parseFacetRows(await runQuery(query, { urgent: true }), filters);
    },
    placeholderData: keepPreviousData,
  });
}
