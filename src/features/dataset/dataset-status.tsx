import { useQuery } from '@tanstack/react-query';
import { useEngine } from '../../db';
import { formatCount } from '../../lib/format';
import { conversationCountOptions } from '../conversations/conversation-queries';
import { facetCountsOptions } from '../filters/facet-queries';
import { isEmpty } from '../../model/filters';
import { useFilters } from '../filters/use-filters';

/**
 * `N conversations`, or `M of N conversations` while filters are active, counted by DuckDB over the
 * built table (the UI contract's status line).
 */
export function DatasetStatus({ datasetVersion }: { datasetVersion: number }) {
  const engine = useEngine();
  const { filters } = useFilters();
  const filtered = !isEmpty(filters);
  const count = useQuery(conversationCountOptions(engine, datasetVersion));
  const facets = useQuery({
    ...facetCountsOptions(engine, datasetVersion, filters),
    enabled: filtered,
  });
  if (count.data === undefined) return null;
  const matching = filtered ? facets.data?.matching : undefined;
  return (
    <p role="status" className="text-sm text-slate-700">
      {matching === undefined
        ? `${formatCount(count.data)} conversations`
        : `${formatCount(matching)} of ${formatCount(count.data)} conversations`}
    </p>
  );
}
