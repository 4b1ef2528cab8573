import { notifyManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { EngineContext, type Engine } from '../db';
import { FilterSubsetsContext } from '../features/filters';
import { filterSubsetsOf } from './filter-subsets';

// A settled query re-renders its components in the same task (a microtask), not a timer later:
// a filter click's counts, read from a cube already in the page, are then painted in the click's
// own frame instead of after whatever React and the workers scheduled meanwhile.
notifyManager.setScheduler(queueMicrotask);

/**
 * The app's context: its one engine (made in src/main.tsx, before React), the query client, and
 * the stores the filters read through the engine's search and console stores.
 */
export function Providers({ engine, children }: { engine: Engine; children: ReactNode }) {
  // Results depend only on (dataset, query inputs), both in every key: nothing goes stale by time.
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
        },
      }),
  );
  const subsets = useMemo(() => filterSubsetsOf(engine), [engine]);
  return (
    <EngineContext value={engine}>
      <QueryClientProvider client={client}>
        <FilterSubsetsContext value={subsets}>{children}</FilterSubsetsContext>
      </QueryClientProvider>
    </EngineContext>
  );
}
