import type { Engine } from '../db';
import type { FilterSubsets } from '../features/filters';
import { findCompleted, searchStoreOf } from '../features/search';
import { findIdSet, idFilterStoreOf } from '../features/sql-console';

/** The engine's search and console stores, as the filters read them (one stored id per URL). */
export function filterSubsetsOf(engine: Engine): FilterSubsets {
  const searches = searchStoreOf(engine);
  const idSets = idFilterStoreOf(engine);
  return {
    search: {
      subscribe: searches.subscribe,
      find: (spec) => findCompleted(searches.getSnapshot(), spec, engine.dataset())?.id,
    },
    idSet: {
      subscribe: idSets.subscribe,
      find: (query) => findIdSet(idSets.getSnapshot(), query, engine.dataset())?.id,
    },
  };
}
