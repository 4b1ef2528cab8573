import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useEngine } from '../../db';
import { pushSearchParams, subscribeToLocation } from '../conversations/url-state';
import { findCompleted, useSearchStore } from '../search/search-store';
import { findIdSet, useIdFilterStore } from '../sql-console/id-filter-store';
import type { Filters } from '../../model/filters';
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
  const parsed = useMemo(() => parseFilters(new URLSearchParams(search)), [search]);
  const { search: spec, idQuery } = parsed.filters;
  const engine = useEngine();
  const searchStore = useSearchStore();
  const idFilterStore = useIdFilterStore();
  // Each store is read through the one id this URL needs, not its snapshot: a search's progress
  // changes the store after every row group, and every component using this hook (the list, the
  // filter panel, the charts) re-rendered each time for nothing.
  const searchHits = useSyncExternalStore(
    searchStore.subscribe,
    () => findCompleted(searchStore.getSnapshot(), spec, engine.dataset())?.id,
  );
  const idSet = useSyncExternalStore(
    idFilterStore.subscribe,
    () => findIdSet(idFilterStore.getSnapshot(), idQuery, engine.dataset())?.id,
  );
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
