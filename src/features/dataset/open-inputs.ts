/** What the Open data dialog and the drop zone accept, checked before anything is opened. */

/** One URL a line; blank lines are skipped. An error names the first line that is not a URL. */
export function parseUrlLines(text: string): { urls: string[] } | { error: string } {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return { error: 'Enter at least one parquet URL.' };
  for (const line of lines) {
    if (line.startsWith('hf://')) continue;
    let url: URL | undefined;
    try {
      url = new URL(line);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      return { error: `"${line}" is not an http(s) or hf:// URL.` };
    }
  }
  return { urls: lines };
}

/** Parquet files by name; anything else is refused with a sentence naming it. */
export function checkParquetFiles(files: File[]): { files: File[] } | { error: string } {
  if (files.length === 0) return { error: 'No files were chosen.' };
  const others = files.filter((f) => !f.name.toLowerCase().endsWith('.parquet'));
  if (others.length === 0) return { files };
  const names = others.map((f) => f.name).join(', ');
  return {
    error:
      `${names} ${others.length === 1 ? 'is not a parquet file' : 'are not parquet files'} ` +
      '(.parquet); nothing was opened.',
  };
}
