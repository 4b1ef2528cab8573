import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { openDataset } from '../../db/engine';
import { pushSearchParams, subscribeToLocation } from '../conversations/url-state';
import { findCompleted, searchStore } from '../search/search-store';
import { findIdSet, idFilterStore } from '../sql-console/id-filter-store';
import type { Filters } from './filters';
import { parseFilters, setFilterParams } from './url-state';

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
  const searches = useSyncExternalStore(searchStore.subscribe, searchStore.getSnapshot);
  const idSets = useSyncExternalStore(idFilterStore.subscribe, idFilterStore.getSnapshot);
  const parsed = useMemo(() => parseFilters(new URLSearchParams(search)), [search]);
  const dataset = openDataset();
  // Keyed by the ids, not the stores' snapshots: a search's progress changes its store many times a
  // second, and a new filters object each time would re-render every list and count keyed by it.
  const searchHits = findCompleted(searches, parsed.filters.search, dataset)?.id;
  const idSet = findIdSet(idSets, parsed.filters.idQuery, dataset)?.id;
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
