import { notifyManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { FilterSubsetsContext } from '../features/filters';
import { filterSubsets } from './filter-subsets';

// A settled query re-renders its components in the same task (a microtask), not a timer later:
// a filter click's counts, read from a cube already in the page, are then painted in the click's
// own frame instead of after whatever React and the workers scheduled meanwhile.
notifyManager.setScheduler(queueMicrotask);

export function Providers({ children }: { children: ReactNode }) {
  // Results depend only on (dataset, query inputs), both in every key: nothing goes stale by time.
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <FilterSubsetsContext.Provider value={filterSubsets}>
        {children}
      </FilterSubsetsContext.Provider>
    </QueryClientProvider>
  );
}
