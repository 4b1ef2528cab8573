import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEngine } from '../../db';
import { useEffect, useState } from 'react';
import type { ConversationListRow } from '../../sql/conversation-window';
import type { ConversationSort } from '../../model/sorts';
import type { Filters } from '../../model/filters';
import { conversationWindowOptions, WINDOW_SIZE } from './conversation-queries';

/** A window must stay in view this long before it is fetched, so a fast drag does not queue dozens. */
const SETTLE_MS = 60;

/**
 * The rows of list positions `first..last`, fetched by window and cached per (dataset, filters,
 * sort, window); the window after the last one in view is prefetched. Rows not loaded yet are undefined.
 */
export function useConversationWindows(options: {
  datasetId: number;
  sort: ConversationSort;
  filters: Filters;
  count: number;
  first: number;
  last: number;
}) {
  const engine = useEngine();
  const { datasetId, sort, filters, count, first, last } = options;
  const firstWindow = Math.floor(first / WINDOW_SIZE);
  const lastWindow = Math.max(firstWindow, Math.floor(last / WINDOW_SIZE));
  const settled = useSettled(`${firstWindow}:${lastWindow}`);

  const windows: number[] = [];
  for (let w = firstWindow; w <= lastWindow; w++) windows.push(w);
  const results = useQueries({
    queries: windows.map((w) => ({
      ...conversationWindowOptions(engine, datasetId, sort, filters, w),
      // Cached windows show at once either way; only the fetch waits for the scroll to settle.
      enabled: settled === `${firstWindow}:${lastWindow}`,
    })),
  });

  const client = useQueryClient();
  const next = lastWindow + 1;
  const ready = results.every((r) => r.data !== undefined);
  useEffect(() => {
    if (ready && next * WINDOW_SIZE < count) {
      void client.prefetchQuery(conversationWindowOptions(engine, datasetId, sort, filters, next));
    }
  }, [engine, client, datasetId, sort, filters, next, count, ready]);

  const loading = results.some((r) => r.data === undefined);
  const error = results.find((r) => r.error)?.error ?? null;
  const rowAt = (index: number): ConversationListRow | undefined =>
    results[Math.floor(index / WINDOW_SIZE) - firstWindow]?.data?.[index % WINDOW_SIZE];
  return { rowAt, loading, error };
}

/** `value`, once it has stopped changing for SETTLE_MS. */
function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}
