import type { TreeMemory } from './process-tree';
import type { Budget, BenchStep, Sample } from './steps';

export interface StepSummary {
  id: string;
  label: string;
  budget: Budget;
  ours: { median: number; min: number; max: number };
  native: { median: number; min: number; max: number } | null;
  ratio: number | null;
  pass: boolean | null;
  bytes: { ours: number | null; native: number | null; nativeEstimated: boolean };
  /** Largest over the runs. */
  peakMemory: TreeMemory | null;
  /** DuckDB's own report, largest over the runs. */
  engineMemory: number | null;
  samples: { ours: Sample[]; native: Sample[] };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function spread(samples: readonly Sample[]) {
  const ms = samples.map((s) => s.ms);
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms) };
}

function medianBytes(samples: readonly Sample[]): number | null {
  const values = samples.map((s) => s.bytes).filter((v): v is number => v !== undefined);
  return values.length ? median(values) : null;
}

export function passes(budget: Budget, oursMedian: number, ratio: number | null): boolean | null {
  switch (budget.kind) {
    case 'ratio':
      return ratio === null ? null : ratio <= budget.max;
    case 'median-ms':
      return oursMedian <= budget.max;
    case 'none':
      return null;
  }
}

export function summarize(step: BenchStep, ours: Sample[], native: Sample[]): StepSummary {
  const o = spread(ours);
  const n = native.length ? spread(native) : null;
  const ratio = n && n.median > 0 ? o.median / n.median : null;
  const memory = ours.map((s) => s.peakMemory).filter((m): m is TreeMemory => m !== undefined);
  const engine = ours.map((s) => s.engineMemory).filter((m): m is number => m !== undefined);
  return {
    id: step.id,
    label: step.label,
    budget: step.budget,
    ours: o,
    native: n,
    ratio,
    pass: passes(step.budget, o.median, ratio),
    bytes: {
      ours: medianBytes(ours),
      native: medianBytes(native),
      nativeEstimated: step.nativeBytesEstimated ?? false,
    },
    peakMemory: memory.length
      ? {
          rss: Math.max(...memory.map((m) => m.rss)),
          pss: Math.max(...memory.map((m) => m.pss)),
        }
      : null,
    engineMemory: engine.length ? Math.max(...engine) : null,
    samples: { ours, native },
  };
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return '-';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '-';
  const mb = bytes / 1e6;
  return mb >= 10 ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
}

/** RSS, then PSS in parentheses, as the table's memory column shows them. */
export function formatMemory(memory: TreeMemory): string {
  return `${formatBytes(memory.rss)} (${formatBytes(memory.pss)})`;
}

function formatBudget(budget: Budget): string {
  switch (budget.kind) {
    case 'ratio':
      return `ratio <= ${budget.max}`;
    case 'median-ms':
      return `median <= ${budget.max} ms`;
    case 'none':
      return '-';
  }
}

const HEADER = [
  'step',
  'ours median',
  'min',
  'max',
  'native median',
  'ratio',
  'budget',
  'pass',
  'bytes read (ours / native)',
  'peak RSS (PSS)',
  'DuckDB memory',
];

const UNSHAPED = "not the app's origin; native reads local files";

/**
 * The line above the table: which files the figures are about and, when given, the link they
 * crossed (`--network`: only the browser's data server is shaped; native DuckDB reads local files).
 */
export function formatDatasetLine(
  dataset: { rows: number; shards: readonly unknown[]; bytes: number; layout: string | null },
  network?: string,
): string {
  const layout = dataset.layout ? `${dataset.layout} layout` : 'files of --data-dir';
  let link = network ? `; network: ${network}` : '';
  if (network && network !== 'loopback') link += ` to the data server (${UNSHAPED})`;
  return (
    `${layout}: ${dataset.rows.toLocaleString('en-US')} conversations, ` +
    `${dataset.shards.length} files, ${formatBytes(dataset.bytes)}${link}`
  );
}

export function formatTable(summaries: readonly StepSummary[], datasetLine?: string): string {
  const rows = summaries.map((s) => [
    s.label,
    formatMs(s.ours.median),
    formatMs(s.ours.min),
    formatMs(s.ours.max),
    formatMs(s.native?.median),
    s.ratio === null ? '-' : `${s.ratio.toFixed(2)}x`,
    formatBudget(s.budget),
    s.pass === null ? '-' : s.pass ? 'yes' : 'NO',
    `${formatBytes(s.bytes.ours)} / ${formatBytes(s.bytes.native)}${
      s.bytes.native !== null && s.bytes.nativeEstimated ? ' (est.)' : ''
    }`,
    s.peakMemory ? formatMemory(s.peakMemory) : '-',
    formatBytes(s.engineMemory),
  ]);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const table = [line(HEADER), rule, ...rows.map(line)];
  return (datasetLine ? [datasetLine, '', ...table] : table).join('\n');
}
