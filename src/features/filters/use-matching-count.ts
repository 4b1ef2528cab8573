import { useQuery } from '@tanstack/react-query';
import { useEngine } from '../../db';
import { isEmpty, type Filters } from '../../model/filters';
import { conversationCountOptions, facetCountsOptions } from './facet-queries';

/**
 * N (every conversation) and M (those under `filters`) for the status line, the list and the
 * export. M is N when no filter is active; while a new state's M is computed the previous state's
 * stands in, and `placeholder` says so (a file name must not carry it).
 */
export function useMatchingCount(datasetId: number, filters: Filters) {
  const engine = useEngine();
  const filtered = !isEmpty(filters);
  const total = useQuery(conversationCountOptions(engine, datasetId));
  const facets = useQuery({
    ...facetCountsOptions(engine, datasetId, filters),
    enabled: filtered,
  });
  return {
    filtered,
    total: total.data,
    matching: filtered ? facets.data?.matching : total.data,
    placeholder: filtered && facets.isPlaceholderData,
  };
}
