import { useEffect, useReducer, useState } from 'react';
import { previewKey, useEngine, type RowLocator } from '../../db';
import { PreviewCache } from './preview-cache';

/** Visible rows must stay put this long before their previews are read: a fast scroll reads none. */
const SETTLE_MS = 150;
/** Previews kept across scrolling; the oldest go first. */
const CACHE_LIMIT = 5_000;

const cache = new PreviewCache(CACHE_LIMIT);

/**
 * The first user prompt of the rows in view, read lazily (only for rows that stay visible, batched
 * by shard and row group in the engine) and cached. `preview(row)` is undefined while loading.
 */
export function useRowPreviews(datasetId: number, rows: readonly (RowLocator | undefined)[]) {
  const engine = useEngine();
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const missing = cache.missing(datasetId, rows);
  // Names the dataset too: the same rows of a newly opened dataset are read again.
  const wanted = missing.length ? `${datasetId}|${missing.map(previewKey).join(',')}` : '';
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSettled(wanted), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [wanted]);

  useEffect(() => {
    if (settled === '' || settled !== wanted) return;
    void cache.load(engine, datasetId, missing).then(() => refresh());
    // `missing` is described exactly by `wanted`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled, wanted]);

  return (row: RowLocator): string | null | undefined => cache.get(datasetId, row);
}
