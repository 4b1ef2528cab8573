import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { openDataset } from '../../db/engine';
import { pushSearchParams, subscribeToLocation } from '../conversations/url-state';
import { findCompleted, searchStore } from '../search/search-store';
import type { Filters } from './filters';
import { parseFilters, withFilters } from './url-state';

const getSearch = () => window.location.search;

/**
 * The filters in the URL (the single source of truth) and a setter that pushes a history entry,
 * keeping every other param (`data`, `sort`, `c`...). Back and Forward restore earlier filters.
 * A text search in the URL gets `searchHits` once its scan has completed on the open dataset, so
 * every query keyed by these filters follows the search exactly when its rows are ready.
 */
export function useFilters() {
  const search = useSyncExternalStore(subscribeToLocation, getSearch);
  const searches = useSyncExternalStore(searchStore.subscribe, searchStore.getSnapshot);
  const parsed = useMemo(() => parseFilters(new URLSearchParams(search)), [search]);
  const dataset = openDataset();
  const filters = useMemo((): Filters => {
    const completed = findCompleted(searches, parsed.filters.search, dataset);
    return completed ? { ...parsed.filters, searchHits: completed.id } : parsed.filters;
  }, [parsed, searches, dataset]);
  const setFilters = useCallback((next: Filters) => {
    pushSearchParams((params) => {
      const replaced = withFilters(params, next);
      for (const name of new Set(params.keys())) params.delete(name);
      for (const [name, value] of replaced) params.append(name, value);
    });
  }, []);
  return { filters, problems: parsed.problems, setFilters };
}
