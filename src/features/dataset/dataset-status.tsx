import { formatCount } from '../../lib/format';
import { useMatchingCount, useFilters } from '../filters';

/**
 * `N conversations`, or `M of N conversations` while filters are active, counted by DuckDB over the
 * built table (the UI contract's status line).
 */
export function DatasetStatus({ datasetId }: { datasetId: number }) {
  const { filters } = useFilters();
  const { filtered, total, matching } = useMatchingCount(datasetId, filters);
  if (total === undefined) return null;
  return (
    <p role="status" className="text-sm text-slate-700">
      {!filtered || matching === undefined
        ? `${formatCount(total)} conversations`
        : `${formatCount(matching)} of ${formatCount(total)} conversations`}
    </p>
  );
}
