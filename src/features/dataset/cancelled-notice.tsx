import type { DataSource } from '../../db';

export function CancelledNotice(props: {
  source: DataSource;
  keptLabel: string | null;
  onRetry: () => void;
}) {
  const { source, keptLabel, onRetry } = props;
  return (
    <div className="flex items-center gap-3 rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
      <p className="flex-1">
        Opening {source.label} was cancelled.
        {keptLabel ? ` ${keptLabel} is still open.` : ''}
      </p>
      <button
        type="button"
        onClick={onRetry}
        className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
      >
        Open again
      </button>
    </div>
  );
}
