import type { BuildProgress } from '../../db';
import { formatBytes, formatCount } from '../../lib/format';
import { formatSecondsLeft, secondsLeft } from './eta';
import { useElapsed } from './use-elapsed';

/** Mount once per load (key it by the load), so the time left counts from its start. */
export function LoadingProgress(props: {
  label: string;
  progress: BuildProgress | null;
  onCancel: () => void;
}) {
  const { label, progress, onCancel } = props;
  const elapsed = useElapsed();
  const percent =
    progress && progress.bytesTotal > 0
      ? Math.round((100 * progress.bytesRead) / progress.bytesTotal)
      : undefined;
  const left = progress && secondsLeft(elapsed, progress.bytesRead, progress.bytesTotal);
  return (
    <div className="flex items-center gap-3 rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm">
      <div className="min-w-0 flex-1">
        <div className="truncate">Opening {label}</div>
        <progress aria-label="Loading dataset" className="h-2 w-full" max={100} value={percent} />
        {progress ? (
          <div className="text-xs text-slate-600">
            {progress.shardsDone} of {progress.shardsTotal} shards
            {progress.shard && progress.shardsDone < progress.shardsTotal
              ? ` (reading ${progress.shard})`
              : ''}{' '}
            · {formatBytes(progress.bytesRead)} of {formatBytes(progress.bytesTotal)} ·{' '}
            {formatCount(progress.rowsDone)} of {formatCount(progress.rowsTotal)} rows ·{' '}
            {formatSecondsLeft(left ?? undefined)}
          </div>
        ) : (
          <div className="text-xs text-slate-600">Reading the shards&apos; footers…</div>
        )}
      </div>
      <button
        type="button"
        onClick={onCancel}
        className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
      >
        Cancel
      </button>
    </div>
  );
}
