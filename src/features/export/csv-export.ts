import type { Engine, ExportProgress } from '../../db';
import { buildExportTablePageQuery } from '../../sql/export';
import type { Filters } from '../../model/filters';
import { csvHeader, csvLines } from './csv-lines';

/** `conversations` rows per page: a page is about 0.5 MB of CSV. */
const PAGE_ROWS = 2_000;

/**
 * The selection's `conversations` rows as CSV, a page at a time (keyset on `row`), each page
 * written before the next is asked for: memory holds one page whatever the selection's size.
 */
export async function exportConversationsCsv(
  engine: Engine,
  options: {
    filters: Filters;
    total: number;
    write: (chunk: Uint8Array) => Promise<void>;
    signal: AbortSignal;
    onProgress: (p: ExportProgress) => void;
  },
): Promise<ExportProgress> {
  const { filters, write, signal, onProgress } = options;
  const encoder = new TextEncoder();
  const progress: ExportProgress = {
    conversationsDone: 0,
    conversationsTotal: options.total,
    bytesWritten: 0,
  };
  let columns: string[] | undefined;
  let afterRow = -1;
  for (;;) {
    signal.throwIfAborted();
    const page = await engine.query(buildExportTablePageQuery(filters, afterRow, PAGE_ROWS));
    signal.throwIfAborted();
    const last = page[page.length - 1];
    if (!last) break;
    const header = columns ? '' : csvHeader((columns = Object.keys(last)));
    const bytes = encoder.encode(header + csvLines(columns, page));
    await write(bytes);
    afterRow = Number(last.row);
    progress.conversationsDone += page.length;
    progress.bytesWritten += bytes.byteLength;
    onProgress({ ...progress });
    if (page.length < PAGE_ROWS) break;
  }
  return progress;
}
