/**
 * The one place SQL text is quoted. Values from users and URLs go through prepared statements where
 * the engine offers them; where a literal must be spliced (native DuckDB table functions, lists of
 * file paths), it goes through here. Identifiers only ever come from closed lists, but are quoted
 * anyway so a slashed category name cannot break a statement.
 */
export function quoteString(value: string): string {
  if (value.includes('\0')) throw new Error('SQL string literals cannot contain NUL characters');
  return `'${value.replaceAll("'", "''")}'`;
}

export function quoteIdentifier(name: string): string {
  if (name.includes('\0')) throw new Error('SQL identifiers cannot contain NUL characters');
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * An integer as SQL text, for the rare filter DuckDB must see as a constant: a `?` parameter is
 * not pushed into the table scan, so `row = ?` reads every row of every column asked for, where
 * `row = 123` lets the scan skip all but one row group. Anything but a safe integer is refused.
 */
export function sqlInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not a safe integer: ${value}`);
  return String(value);
}
