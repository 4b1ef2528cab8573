import { useState } from 'react';
import { useEngine } from '../../db';
import { useMatchingCount, useFilters } from '../filters';
import { ExportDialog } from './export-dialog';
import { exportFileName } from './file-name';
import { useExport } from './use-export';

/**
 * The header's `Export` button beside the count, and its dialog: the current selection (the URL's
 * filters, a completed search included) as JSONL, Parquet or CSV.
 */
export function ExportButton(props: { datasetId: number; datasetLabel: string }) {
  const engine = useEngine();
  const { datasetId, datasetLabel } = props;
  const { filters } = useFilters();
  const matching = useMatchingCount(datasetId, filters);
  // The placeholder (the previous filters' count) must not name a file: wait for this state's.
  const count = matching.placeholder ? undefined : matching.matching;
  const [open, setOpen] = useState(false);
  const job = useExport({ datasetLabel, filters, count: count ?? 0 });
  return (
    <>
      <button
        type="button"
        onClick={() => {
          engine.prepareExport();
          setOpen(true);
        }}
        disabled={count === undefined}
        className="rounded border border-slate-300 bg-white px-3 py-0.5 text-sm hover:bg-slate-100 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        Export
      </button>
      <ExportDialog
        open={open}
        onClose={() => setOpen(false)}
        count={count ?? 0}
        state={job.state}
        fileNameFor={(format) =>
          exportFileName({ datasetLabel, filters, count: count ?? 0, format })
        }
        onExport={(format) => void job.start(format)}
        onCancel={job.cancel}
      />
    </>
  );
}
