import type { TableOrigin } from '../../db';

const ORIGIN_TEXT: Record<TableOrigin, string | null> = {
  built: null,
  cache: 'Opened from cache',
  sidecar: 'Opened from the index beside the shards',
};

/**
 * Says where the open dataset's table came from when it was not built from the shards, and any
 * note about it (an index beside the shards that was out of date and ignored).
 */
export function DatasetOrigin({ origin, note }: { origin: TableOrigin; note: string | null }) {
  const text = ORIGIN_TEXT[origin];
  if (!text && !note) return null;
  return (
    <span className="text-sm text-slate-500">
      {text}
      {text && note ? ' · ' : ''}
      {note}
    </span>
  );
}
