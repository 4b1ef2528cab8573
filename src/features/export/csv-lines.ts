import { csvRows, type CsvCell } from '../../lib/csv';

/** A `conversations` value as a CSV cell: NULL empty, booleans `true`/`false`, BIGINT exact. */
export function csvCell(value: unknown): CsvCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return String(value);
}

/** CSV lines for rows of `columns`, through the charts' encoder (RFC 4180, formula guard). */
export function csvLines(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): string {
  return csvRows(rows.map((row) => columns.map((column) => csvCell(row[column]))));
}

export const csvHeader = (columns: readonly string[]) => csvRows([columns]);
