import { useEffect, useReducer, useState } from 'react';
import { previewKey, useEngine, type RowLocator } from '../../db';

/** Visible rows must stay put this long before their previews are read: a fast scroll reads none. */
const SETTLE_MS = 150;
/** Previews kept across scrolling; the oldest go first. */
const CACHE_LIMIT = 5_000;

/** Keyed by dataset version and locator, so a newly opened dataset never sees old previews. */
const cache = new Map<string, string | null>();
const pending = new Set<string>();

/**
 * The first user prompt of the rows in view, read lazily (only for rows that stay visible, batched
 * by shard and row group in the engine) and cached. `preview(row)` is undefined while loading.
 */
export function useRowPreviews(datasetVersion: number, rows: readonly (RowLocator | undefined)[]) {
  const engine = useEngine();
  const key = (r: RowLocator) => `${datasetVersion}|${previewKey(r)}`;
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const missing = rows.filter(
    (r): r is RowLocator =>
      r !== undefined && !cache.has(previewKey(r)) && !pending.has(previewKey(r)),
  );
  const wanted = missing.map(previewKey).join(',');
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSettled(wanted), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [wanted]);

  useEffect(() => {
    if (settled === '' || settled !== wanted) return;
    const batch = missing;
    const keys = batch.map(key);
    keys.forEach((k) => pending.add(k));
    engine
      .readPreviews(batch)
      .then((found) => {
        for (const row of batch) cache.set(key(row), found.get(previewKey(row)) ?? null);
      })
      // A failed read leaves the rows without a preview rather than retrying on every render.
      .catch(() => keys.forEach((k) => cache.set(k, null)))
      .finally(() => {
        keys.forEach((k) => pending.delete(k));
        while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
        refresh();
      });
    // `missing` is described exactly by `wanted`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled, wanted]);

  return (row: RowLocator): string | null | undefined => cache.get(key(row));
}
