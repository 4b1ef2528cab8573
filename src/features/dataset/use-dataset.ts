import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useEngine, type DataSource } from '../../db';
import { DatasetStore, type DatasetSnapshot } from './dataset-store';

export type { ActiveDataset } from './dataset-store';

/** Opens `source` (again whenever it changes) and follows the dataset store. */
export function useDataset(
  source: DataSource,
): DatasetSnapshot & { cancel: () => void; open: (source: DataSource) => void } {
  const engine = useEngine();
  const [store] = useState(() => new DatasetStore(engine));
  useEffect(() => {
    void store.open(source);
  }, [store, source]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const open = useCallback((s: DataSource) => void store.open(s), [store]);
  return { ...snapshot, cancel: store.cancel, open };
}
