import { useQuery } from '@tanstack/react-query';
import { useEngine } from '../../db';
import { useDeferredValue } from 'react';
import { facetCountsOptions, filtersKey } from '../filters/facet-queries';
import { isEmpty } from '../../model/filters';
import { useFilters } from '../filters/use-filters';
import { conversationCountOptions } from './conversation-queries';
import { ConversationGrid } from './conversation-grid';
import { sortParam } from '../../model/sorts';
import { useConversationSort } from './conversation-sort';

/** The conversations matching the URL's filters, in the sort the URL names. */
export function ConversationList({ datasetVersion }: { datasetVersion: number }) {
  const engine = useEngine();
  const { sort, toggle } = useConversationSort();
  // Deferred: a filter click renders the filter panel's counts first, and the list (a new grid, and
  // TanStack Virtual's measurements for up to a million rows) in a later render React can interrupt.
  const current = useFilters().filters;
  const filters = useDeferredValue(current);
  const filtered = !isEmpty(filters);
  const total = useQuery(conversationCountOptions(engine, datasetVersion));
  const facets = useQuery({
    ...facetCountsOptions(engine, datasetVersion, filters),
    enabled: filtered,
  });
  // While M is computed the previous state's count stands in (placeholder data).
  const count = filtered ? facets.data?.matching : total.data;
  if (count === undefined) return null;
  const key = filtersKey(filters);
  return (
    <ConversationGrid
      // A new dataset, filter state or sort starts at the top with the first row active.
      key={`${datasetVersion}:${sortParam(sort) ?? 'natural'}:${key}`}
      datasetVersion={datasetVersion}
      count={count}
      sort={sort}
      filters={filters}
      // Until the deferred render, the grid still shows the previous filter state's rows.
      stale={filters !== current}
      onSort={toggle}
    />
  );
}
