/** The console's recent queries, newest first, kept in localStorage across visits. */
export const HISTORY_KEY = 'convoscope:sql-history';
export const HISTORY_LIMIT = 30;

export function readHistory(storage: Pick<Storage, 'getItem'> = localStorage): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((q): q is string => typeof q === 'string') : [];
  } catch {
    return [];
  }
}

/** The history with `sql` moved (or added) to the front, without duplicates, capped. */
export function withQuery(history: readonly string[], sql: string): string[] {
  const text = sql.trim();
  if (!text) return [...history];
  return [text, ...history.filter((q) => q !== text)].slice(0, HISTORY_LIMIT);
}

export function saveHistory(
  history: readonly string[],
  storage: Pick<Storage, 'setItem'> = localStorage,
): void {
  try {
    storage.setItem(HISTORY_KEY, JSON.stringify(history));
  } catch {
    // Storage full or disabled: the history is a convenience, the query still ran.
  }
}
