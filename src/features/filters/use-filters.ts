import { useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { pushSearchParams, subscribeToLocation } from '../../lib/url-params';
import type { Filters } from '../../model/filters';
import { FilterSubsetsContext } from './filter-subsets';
import { parseFilters, setFilterParams } from '../../model/filters-url';

const getSearch = () => window.location.search;

/**
 * The filters in the URL (the single source of truth) and a setter that pushes a history entry,
 * keeping every other param (`data`, `sort`, `c`...). Back and Forward restore earlier filters.
 * A text search in the URL gets `searchHits` once its scan has completed on the open dataset, so
 * every query keyed by these filters follows the search exactly when its rows are ready. A console
 * query used as a filter (`idsql`) likewise gets `idSet` once its ids are stored.
 */
export function useFilters() {
  const search = useSyncExternalStore(subscribeToLocation, getSearch);
  const parsed = useMemo(() => parseFilters(new URLSearchParams(search)), [search]);
  const { search: spec, idQuery } = parsed.filters;
  // Each store is read through the one id this URL needs, not its snapshot: a search's progress
  // changes the store after every row group, and every component using this hook (the list, the
  // filter panel, the charts) would re-render each time for nothing.
  const subsets = useContext(FilterSubsetsContext);
  const searchHits = useSyncExternalStore(subsets.search.subscribe, () =>
    subsets.search.find(spec),
  );
  const idSet = useSyncExternalStore(subsets.idSet.subscribe, () => subsets.idSet.find(idQuery));
  const filters = useMemo((): Filters => {
    const next: Filters = { ...parsed.filters };
    if (searchHits !== undefined) next.searchHits = searchHits;
    if (idSet !== undefined) next.idSet = idSet;
    return next;
  }, [parsed, searchHits, idSet]);
  const setFilters = useCallback((next: Filters) => {
    pushSearchParams((params) => setFilterParams(params, next));
  }, []);
  return { filters, problems: parsed.problems, setFilters };
}
