import type { Filters } from '../../model/filters';

export type ExportFormat = 'jsonl' | 'parquet' | 'csv';

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  jsonl: 'jsonl',
  parquet: 'parquet',
  csv: 'csv',
};

/** Characters kept in a file name part: safe on every common file system and in a URL. */
const safe = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');

/** The describing part of the name stays under this many characters (whole parts only). */
const MAX_FILTER_CHARS = 120;

/** `lmsys/lmsys-chat-1m` -> `lmsys-chat-1m`; `.../train-0.parquet` -> `train-0`; else the label. */
export function datasetStem(label: string): string {
  const last = label.split('/').filter(Boolean).pop() ?? label;
  return safe(last.replace(/\.parquet$/i, '')).toLowerCase() || 'dataset';
}

const FLAGGED_PARTS = {
  any: 'flagged',
  user: 'user-flagged',
  assistant: 'assistant-flagged',
  none: 'not-flagged',
} as const;

/** One short part per active condition, in the order the filter panel shows them. */
export function filterParts(filters: Filters): string[] {
  const parts: string[] = [];
  const list = (name: string, values: readonly string[]) => {
    if (values.length > 0) parts.push(`${name}-${values.map(safe).join('+')}`);
  };
  list('model', filters.models);
  list('language', filters.languages);
  list('country', filters.countries);
  const { min, max } = filters.turns;
  if (min !== undefined || max !== undefined) parts.push(`turns-${min ?? ''}-${max ?? ''}`);
  if (filters.flagged) parts.push(FLAGGED_PARTS[filters.flagged]);
  if (filters.categories.length > 0) {
    const mode = filters.categories.length > 1 && filters.categoryMode === 'all' ? 'all-' : '';
    parts.push(`category-${mode}${filters.categories.map(safe).join('+')}`);
  }
  for (const [id, score] of Object.entries(filters.minScores))
    if (score !== undefined) parts.push(`min-${safe(id)}-${score}`);
  if (filters.redacted !== undefined) parts.push(filters.redacted ? 'redacted' : 'not-redacted');
  if (filters.toxic !== undefined) parts.push(filters.toxic ? 'toxic' : 'not-toxic');
  if (filters.search && filters.searchHits !== undefined)
    parts.push(`search-${safe(filters.search.text) || 'pattern'}`);
  return parts.filter((p) => p !== '');
}

/**
 * A file name that says what was exported: the dataset, each filter, the count, e.g.
 * `lmsys-chat-1m_model-vicuna-13b_language-English_flagged_1234-conversations.jsonl`, or
 * `..._all_N-conversations.jsonl` without filters. Only `[A-Za-z0-9.+_-]`; filter parts past
 * MAX_FILTER_CHARS are dropped and the name says `more-filters`.
 */
export function exportFileName(options: {
  datasetLabel: string;
  filters: Filters;
  count: number;
  format: ExportFormat;
}): string {
  const parts = filterParts(options.filters);
  const kept: string[] = [];
  let length = 0;
  for (const part of parts) {
    const capped = part.slice(0, MAX_FILTER_CHARS);
    if (length + capped.length + 1 > MAX_FILTER_CHARS) {
      kept.push('more-filters');
      break;
    }
    kept.push(capped);
    length += capped.length + 1;
  }
  const describe = kept.length > 0 ? kept.join('_') : 'all';
  const stem = datasetStem(options.datasetLabel).slice(0, 40);
  return `${stem}_${describe}_${options.count}-conversations.${EXPORT_EXTENSIONS[options.format]}`;
}
