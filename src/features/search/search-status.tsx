import type { SearchProgress } from '../../db';
import { formatBytes, formatCount } from '../../lib/format';
import { Notice } from '../../components/notice';

const plural = (n: number) => `${formatCount(n)} conversation${n === 1 ? '' : 's'}`;

/** A scan in progress: how far it is, how many conversations matched so far, and Cancel. */
export function SearchRunning(props: { progress: SearchProgress | null; onCancel: () => void }) {
  const { progress, onCancel } = props;
  const percent =
    progress && progress.rowsTotal > 0
      ? Math.round((100 * progress.rowsDone) / progress.rowsTotal)
      : undefined;
  return (
    <div className="flex items-center gap-3 rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm">
      <div className="min-w-0 flex-1">
        <progress aria-label="Searching" className="h-2 w-full" max={100} value={percent} />
        <p aria-live="polite" className="text-xs text-slate-700">
          {progress
            ? `${plural(progress.matches)} found so far${progress.candidates === undefined ? '' : ` of at most ${formatCount(progress.candidates)}`} · ${formatCount(progress.rowsDone)} of ${formatCount(progress.rowsTotal)} read (${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)})`
            : 'Starting the search…'}
        </p>
        {progress?.withoutIndex && <WithoutIndex reason={progress.withoutIndex} />}
      </div>
      <button
        type="button"
        onClick={onCancel}
        className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        Cancel search
      </button>
    </div>
  );
}

/** The outcome of the search the URL names, or of the last one that did not complete. */
export function SearchOutcome(
  props:
    | { kind: 'done'; matches: number; withoutIndex?: string }
    | { kind: 'cancelled'; text: string; kept: string | undefined }
    | { kind: 'failed'; error: string },
) {
  if (props.kind === 'failed')
    return (
      <Notice tone="error" className="py-1">
        The search failed: {props.error}
      </Notice>
    );
  if (props.kind === 'cancelled')
    return (
      <p aria-live="polite" className="text-sm text-slate-700">
        Search for “{props.text}” cancelled.{' '}
        {props.kept
          ? `Still showing the results for “${props.kept}”.`
          : 'Showing every conversation.'}
      </p>
    );
  return (
    <div>
      <p aria-live="polite" className="text-sm text-slate-700">
        {props.matches === 0
          ? 'No conversation matches.'
          : `${plural(props.matches)} ${props.matches === 1 ? 'matches' : 'match'}.`}
      </p>
      {props.withoutIndex && <WithoutIndex reason={props.withoutIndex} searched />}
    </div>
  );
}

/** The dataset has a text index, but this search read all the text: say why. */
function WithoutIndex({ reason, searched = false }: { reason: string; searched?: boolean }) {
  return (
    <p className="text-xs text-slate-700">
      {searched ? 'Searched' : 'Searching'} without the index: {reason}.
    </p>
  );
}
