import { openDataset } from '../db/engine';
import type { FilterSubsets } from '../features/filters';
import { findCompleted, searchStore } from '../features/search';
import { findIdSet, idFilterStore } from '../features/sql-console';

/** The search's and the console's stores, as the filters read them (one stored id per URL). */
export const filterSubsets: FilterSubsets = {
  search: {
    subscribe: searchStore.subscribe,
    find: (spec) => findCompleted(searchStore.getSnapshot(), spec, openDataset())?.id,
  },
  idSet: {
    subscribe: idFilterStore.subscribe,
    find: (query) => findIdSet(idFilterStore.getSnapshot(), query, openDataset())?.id,
  },
};
