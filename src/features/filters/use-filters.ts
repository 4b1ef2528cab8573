import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { pushSearchParams, subscribeToLocation } from '../conversations/url-state';
import type { Filters } from './filters';
import { parseFilters, withFilters } from './url-state';

const getSearch = () => window.location.search;

/**
 * The filters in the URL (the single source of truth) and a setter that pushes a history entry,
 * keeping every other param (`data`, `sort`, `c`...). Back and Forward restore earlier filters.
 */
export function useFilters() {
  const search = useSyncExternalStore(subscribeToLocation, getSearch);
  const { filters, problems } = useMemo(() => parseFilters(new URLSearchParams(search)), [search]);
  const setFilters = useCallback((next: Filters) => {
    pushSearchParams((params) => {
      const replaced = withFilters(params, next);
      for (const name of new Set(params.keys())) params.delete(name);
      for (const [name, value] of replaced) params.append(name, value);
    });
  }, []);
  return { filters, problems, setFilters };
}
