import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useEngine, type Engine } from '../../db';
import { formatBytes } from '../../lib/format';

const cachedBytesOptions = (engine: Engine, datasetId: number) =>
  queryOptions({
    // The version: each open may have added an entry (written after the table is ready).
    queryKey: ['cached-data-bytes', datasetId],
    queryFn: engine.cachedBytes,
  });

/**
 * How much this browser keeps of built tables (OPFS), and a button to drop it all. The open
 * dataset stays open; the next open of any dataset builds its table again. The outcome is
 * announced through a polite live region.
 */
export function ForgetCacheButton({ datasetId }: { datasetId: number }) {
  const engine = useEngine();
  const queryClient = useQueryClient();
  const size = useQuery(cachedBytesOptions(engine, datasetId));
  const [announcement, setAnnouncement] = useState('');
  const forget = useMutation({
    mutationFn: engine.forgetCache,
    onMutate: () => setAnnouncement(''),
    onSuccess: () =>
      setAnnouncement(
        size.data ? 'Cached data forgotten.' : 'Nothing was cached; there was nothing to forget.',
      ),
    onError: (error) => setAnnouncement(`Could not forget cached data: ${String(error)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['cached-data-bytes'] }),
  });
  return (
    <div className="flex items-center gap-2 text-sm text-slate-600">
      {size.data !== undefined && (
        <span>{size.data > 0 ? `${formatBytes(size.data)} cached` : 'Nothing cached'}</span>
      )}
      <button
        type="button"
        onClick={() => forget.mutate()}
        disabled={forget.isPending}
        className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 disabled:opacity-60"
      >
        Forget cached data
      </button>
      <span aria-live="polite">{announcement}</span>
    </div>
  );
}
