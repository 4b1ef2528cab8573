import { Notice } from '../../components/notice';

/**
 * Why the last open failed (the file, and what happened), with a Retry: the dataset that was open
 * before stays open underneath.
 */
export function OpenError(props: {
  message: string;
  keptLabel: string | null;
  onRetry: () => void;
}) {
  const { message, keptLabel, onRetry } = props;
  return (
    <Notice tone="error" as="div" className="flex items-center gap-3">
      <p className="flex-1">
        {message}
        {keptLabel ? ` (${keptLabel} is still open.)` : ''}
      </p>
      <button
        type="button"
        onClick={onRetry}
        className="rounded border border-red-300 bg-white px-3 py-1 hover:bg-red-100"
      >
        Retry
      </button>
    </Notice>
  );
}
