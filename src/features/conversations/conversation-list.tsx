import { useDeferredValue } from 'react';
import { filtersKey, useMatchingCount, useFilters } from '../filters';
import { ConversationGrid } from './conversation-grid';
import { sortParam } from '../../model/sorts';
import { useConversationSort } from './conversation-sort';

/** The conversations matching the URL's filters, in the sort the URL names. */
export function ConversationList({ datasetId }: { datasetId: number }) {
  const { sort, toggle } = useConversationSort();
  // Deferred: a filter click renders the filter panel's counts first, and the list (a new grid, and
  // TanStack Virtual's measurements for up to a million rows) in a later render React can interrupt.
  const current = useFilters().filters;
  const filters = useDeferredValue(current);
  // While M is computed the previous state's count stands in (placeholder data).
  const count = useMatchingCount(datasetId, filters).matching;
  if (count === undefined) return null;
  const key = filtersKey(filters);
  return (
    <ConversationGrid
      // A new dataset, filter state or sort starts at the top with the first row active.
      key={`${datasetId}:${sortParam(sort) ?? 'natural'}:${key}`}
      datasetId={datasetId}
      count={count}
      sort={sort}
      filters={filters}
      // Until the deferred render, the grid still shows the previous filter state's rows.
      stale={filters !== current}
      onSort={toggle}
    />
  );
}
