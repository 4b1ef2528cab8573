import type { DatasetProblem } from '../engine/dataset-error';

/**
 * What opening a dataset costs this tab, estimated from its row count before anything is read, so a
 * dataset too large for the tab is refused with the numbers instead of crashing it.
 *
 * The constants are measured at 1,000,000 LMSYS rows (docs/performance-log.md, "Memory"): how much
 * the browser's process tree grows between an open page and the built table (the parquet workers'
 * buffers, Arrow batches in flight, DuckDB).
 */
export const BYTES_PER_CONVERSATION = 700;
/** The page, the engines and their wasm before any dataset (PSS of a page with 20,000 rows). */
export const BASE_BYTES = 750e6;
/** Chromium reports at most 8 GB (navigator.deviceMemory); the tab may take half of it. */
const DEVICE_SHARE = 0.5;
const GB = 1e9;

/** The tab's budget: half the device memory Chromium reports (8 GB when it reports nothing). */
export function tabMemoryBudget(deviceMemoryGb: number | undefined = deviceMemory()): number {
  return (deviceMemoryGb ?? 8) * GB * DEVICE_SHARE;
}

export function estimatedTabBytes(rows: number): number {
  return BASE_BYTES + rows * BYTES_PER_CONVERSATION;
}

/**
 * The problem to show when `rows` conversations would not fit `budget`, naming the files (the
 * largest shards first) and the numbers behind the estimate; undefined when they fit.
 */
export function memoryProblem(
  shards: readonly { name: string; rows: number }[],
  budget: number = tabMemoryBudget(),
): DatasetProblem | undefined {
  const rows = shards.reduce((sum, s) => sum + s.rows, 0);
  const needed = estimatedTabBytes(rows);
  if (needed <= budget) return undefined;
  const fits = Math.max(0, Math.floor((budget - BASE_BYTES) / BYTES_PER_CONVERSATION));
  const largest = [...shards].sort((a, b) => b.rows - a.rows).map((s) => s.name);
  const file =
    largest.length <= 3
      ? largest.join(', ')
      : `${largest.slice(0, 3).join(', ')} and ${largest.length - 3} more`;
  return {
    file,
    message:
      `${count(rows)} conversations are too many for this tab: opening them would need about ` +
      `${gb(needed)} of memory (${BYTES_PER_CONVERSATION} bytes per conversation plus ${gb(BASE_BYTES)} ` +
      `for the page), and this tab's budget is ${gb(budget)} (half of the device memory the browser ` +
      `reports). Open fewer shards, at most about ${count(fits)} conversations. Only the file footers were read.`,
  };
}

function deviceMemory(): number | undefined {
  const reported = (globalThis.navigator as { deviceMemory?: unknown } | undefined)?.deviceMemory;
  return typeof reported === 'number' && reported > 0 ? reported : undefined;
}

const count = (n: number) => new Intl.NumberFormat('en-US').format(n);
const gb = (bytes: number) => `${(bytes / GB).toFixed(1)} GB`;
