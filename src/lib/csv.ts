import { downloadBlob } from './download-blob';
export type CsvCell = string | number;

/**
 * A CSV document per RFC 4180: CRLF line ends, and a field quoted (quotes doubled) when it holds a
 * comma, a quote, CR or LF. Dataset strings are untrusted, and spreadsheets run a cell that starts
 * with `=`, `+`, `-`, `@`, tab or CR as a formula, so such string cells get a leading `'`
 * (OWASP's CSV-injection advice); numbers are written as they are.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return csvRows([header, ...rows]);
}

/** Rows as CSV lines, each ending in CRLF (a streamed export writes a page at a time). */
export function csvRows(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

function csvField(cell: CsvCell): string {
  if (typeof cell === 'number') return String(cell);
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Saves `text` as a file (a Blob download: no network request, CSP-neutral). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8') {
  downloadBlob(new Blob([text], { type }), fileName);
}
