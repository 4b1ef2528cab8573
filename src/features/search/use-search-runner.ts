import { useEffect } from 'react';
import type { SearchSpec } from '../../model/search-spec';
import { searchKey, useSearchStore } from './search-store';

/**
 * Keeps the scan in step with the URL: a search in the URL (typed, linked or reached by Back) runs
 * on the open dataset unless it is already complete; no search in the URL stops a scan.
 */
export function useSearchRunner(datasetId: number, search: SearchSpec | undefined) {
  const searchStore = useSearchStore();
  const key = search ? searchKey(search) : '';
  useEffect(() => {
    searchStore.sync(search);
    // `key` names `search` (whose identity changes with every URL change); a new dataset re-runs it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searchStore, datasetId, key]);
}
