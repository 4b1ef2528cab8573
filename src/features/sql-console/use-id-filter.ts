import { useSyncExternalStore } from 'react';
import { pushSearchParams } from '../../lib/url-params';
import { setFilterParams } from '../../model/filters-url';
import type { Filters } from '../../model/filters';
import { useIdFilterStore } from './id-filter-store';

/**
 * "Use as filter": runs a console query for its conversation ids and, once they are stored, puts
 * the query in the URL (`idsql`) beside the other filters and shows the list, narrowed to them.
 */
export function useIdFilter() {
  const idFilterStore = useIdFilterStore();
  const snapshot = useSyncExternalStore(idFilterStore.subscribe, idFilterStore.getSnapshot);
  const apply = async (query: string, filters: Filters) => {
    if (!(await idFilterStore.apply(query))) return;
    pushSearchParams((params) => {
      setFilterParams(params, { ...filters, idQuery: query });
      params.delete('view');
    });
  };
  return { ...snapshot, apply };
}
