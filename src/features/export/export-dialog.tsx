import { useState } from 'react';
import { ModalDialog } from '../../components/modal-dialog';
import { formatBytes, formatCount } from '../../lib/format';
import type { ExportFormat } from './file-name';
import type { ExportState } from './use-export';

const FORMATS: { value: ExportFormat; label: string; note: string }[] = [
  {
    value: 'jsonl',
    label: 'JSONL (full conversations)',
    note: 'one line per conversation, every column of the dataset',
  },
  {
    value: 'parquet',
    label: 'Parquet (original schema)',
    note: 'the same columns and types as the shards',
  },
  {
    value: 'csv',
    label: 'CSV (conversations table)',
    note: 'the per-conversation summary: model, language, flags, maximum scores',
  },
];

const buttonClass =
  'rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-sky-600';

/** Format choice, progress, Cancel and the outcome of exporting the current selection. */
export function ExportDialog(props: {
  open: boolean;
  onClose: () => void;
  count: number;
  state: ExportState;
  fileNameFor: (format: ExportFormat) => string;
  onExport: (format: ExportFormat) => void;
  onCancel: () => void;
}) {
  const { state, count } = props;
  const [format, setFormat] = useState<ExportFormat>('jsonl');
  const running = state.phase === 'running';
  return (
    <ModalDialog title="Export the selection" open={props.open} onClose={props.onClose}>
      <p className="text-sm">
        {count === 0
          ? 'The selection is empty: there is nothing to export.'
          : `${formatCount(count)} conversations will be exported.`}
      </p>
      <fieldset className="flex flex-col gap-1 text-sm" disabled={running}>
        <legend className="mb-1 font-medium">Format</legend>
        {FORMATS.map((f) => (
          <label key={f.value} className="flex items-baseline gap-2">
            <input
              type="radio"
              name="export-format"
              value={f.value}
              checked={format === f.value}
              onChange={() => setFormat(f.value)}
            />
            <span>
              {f.label} <span className="text-slate-500">— {f.note}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="text-xs break-all text-slate-600">
        File name: <code>{props.fileNameFor(format)}</code>
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={buttonClass}
          disabled={running || count === 0}
          onClick={() => props.onExport(format)}
        >
          Export
        </button>
        {running && (
          <>
            <ProgressBar
              done={state.progress.conversationsDone}
              total={state.progress.conversationsTotal}
            />
            <button type="button" className={buttonClass} onClick={props.onCancel}>
              Cancel
            </button>
          </>
        )}
      </div>
      <p role="status" className="text-sm text-slate-700">
        {statusText(state)}
      </p>
      {state.phase === 'failed' && (
        <p role="alert" className="text-sm text-red-800">
          Export of {state.fileName} failed: {state.message}
        </p>
      )}
    </ModalDialog>
  );
}

function ProgressBar({ done, total }: { done: number; total: number }) {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <div
      role="progressbar"
      aria-label="Export progress"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={`${formatCount(done)} of ${formatCount(total)} conversations`}
      className="h-2 w-48 overflow-hidden rounded bg-slate-200"
    >
      <div className="h-full bg-sky-600" style={{ width: `${share * 100}%` }} />
    </div>
  );
}

function statusText(state: ExportState): string {
  switch (state.phase) {
    case 'idle':
    case 'failed':
      return '';
    case 'running': {
      const p = state.progress;
      return `Writing ${state.fileName}: ${formatCount(p.conversationsDone)} of ${formatCount(p.conversationsTotal)} conversations (${formatBytes(p.bytesWritten)})`;
    }
    case 'done': {
      const p = state.progress;
      const where = state.target === 'picker' ? 'saved to' : 'downloaded as';
      return `Exported ${formatCount(p.conversationsDone)} conversations (${formatBytes(p.bytesWritten)}), ${where} ${state.fileName}.`;
    }
    case 'cancelled':
      return `Export cancelled; ${state.fileName} was not saved.`;
  }
}
