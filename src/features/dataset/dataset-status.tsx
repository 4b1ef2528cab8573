import { useQuery } from '@tanstack/react-query';
import { formatCount } from '../../lib/format';
import { conversationCountOptions } from '../conversations/conversation-queries';

/** `N conversations`, counted by DuckDB over the built table (the UI contract's status line). */
export function DatasetStatus({ datasetVersion }: { datasetVersion: number }) {
  const count = useQuery(conversationCountOptions(datasetVersion));
  if (count.data === undefined) return null;
  return (
    <p role="status" className="text-sm text-slate-700">
      {formatCount(count.data)} conversations
    </p>
  );
}
