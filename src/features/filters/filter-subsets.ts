import { createContext } from 'react';
import type { SearchSpec } from '../../model/search-spec';

/**
 * A store of row sets a filter state can name (a completed search's hits, a console query's ids):
 * `find` gives the stored set's id for the open dataset, or undefined while none is stored.
 * `subscribe` must be stable (it is handed to `useSyncExternalStore`).
 */
export interface SubsetLookup<K> {
  subscribe: (onChange: () => void) => () => void;
  find: (key: K) => number | undefined;
}

/**
 * How `useFilters` learns which stored sets narrow the URL's filters. The search and console
 * features own those stores; the app hands them in here, so filters imports neither.
 */
export interface FilterSubsets {
  search: SubsetLookup<SearchSpec | undefined>;
  idSet: SubsetLookup<string | undefined>;
}

const NONE: SubsetLookup<unknown> = { subscribe: () => () => undefined, find: () => undefined };

/** Without a provider nothing is stored, so nothing narrows beyond the URL's own conditions. */
export const FilterSubsetsContext = createContext<FilterSubsets>({ search: NONE, idSet: NONE });
