import { useCallback, useEffect, useRef, useState } from 'react';
import { useEngine, type ExportProgress } from '../../db';
import type { Filters } from '../../model/filters';
import { exportConversationsCsv } from './csv-export';
import { exportFileName, type ExportFormat } from './file-name';
import { openFileTarget, type FileTarget } from './file-target';

const MIME_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson',
  parquet: 'application/vnd.apache.parquet',
  csv: 'text/csv',
};

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; fileName: string; progress: ExportProgress }
  | { phase: 'done'; fileName: string; progress: ExportProgress; target: FileTarget['kind'] }
  | { phase: 'cancelled'; fileName: string }
  | { phase: 'failed'; fileName: string; message: string };

/** One export of the current selection at a time, with progress and Cancel. */
export function useExport(options: { datasetLabel: string; filters: Filters; count: number }) {
  const { datasetLabel, filters, count } = options;
  const engine = useEngine();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (format: ExportFormat) => {
      const fileName = exportFileName({ datasetLabel, filters, count, format });
      let target: FileTarget;
      try {
        // First, while the click still counts as the user's activation (the picker needs it).
        target = await openFileTarget(fileName, MIME_TYPES[format]);
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return; // picker closed
        setState({ phase: 'failed', fileName, message: messageOf(error) });
        return;
      }
      const abort = new AbortController();
      controller.current = abort;
      const onProgress = (progress: ExportProgress) =>
        setState({ phase: 'running', fileName, progress });
      onProgress({ conversationsDone: 0, conversationsTotal: count, bytesWritten: 0 });
      const job = { filters, write: target.write, signal: abort.signal, onProgress };
      // Cancel ends the job at once, even while a write to the file is still pending.
      const cancelled = new Promise<never>((_, reject) =>
        abort.signal.addEventListener('abort', () => reject(abort.signal.reason), { once: true }),
      );
      cancelled.catch(() => undefined);
      try {
        const progress = await Promise.race([
          format === 'csv'
            ? exportConversationsCsv(engine, { ...job, total: count })
            : engine.exportSelection({ ...job, format }),
          cancelled,
        ]);
        abort.signal.throwIfAborted();
        await target.close();
        setState({ phase: 'done', fileName, progress, target: target.kind });
      } catch (error) {
        await target.abort().catch(() => undefined);
        setState(
          abort.signal.aborted
            ? { phase: 'cancelled', fileName }
            : { phase: 'failed', fileName, message: messageOf(error) },
        );
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [engine, datasetLabel, filters, count],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, start, cancel };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
