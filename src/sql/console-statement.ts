/**
 * Checks and error positions for the SQL console. The console runs what the user typed, so these
 * are not a sanitizer: every console statement also runs in a transaction that is rolled back, on
 * its own connection. They refuse up front the statements a rollback cannot undo (settings,
 * attached files, extensions) and turn DuckDB's error text into a position in the editor.
 */

/** First keywords of statements that change the session or the host outside a transaction. */
const REFUSED_KEYWORDS = new Set([
  'ABORT',
  'ATTACH',
  'BEGIN',
  'CALL',
  'CHECKPOINT',
  'COMMIT',
  'COPY',
  'DETACH',
  'END',
  'EXPORT',
  'FORCE',
  'IMPORT',
  'INSTALL',
  'LOAD',
  'PRAGMA',
  'RESET',
  'ROLLBACK',
  'SET',
  'START',
  'USE',
  'VACUUM',
]);

/** The statement's first keyword, upper-cased, after comments and whitespace; '' when none. */
export function firstKeyword(sql: string): string {
  let rest = sql;
  for (;;) {
    const trimmed = rest.replace(/^\s+/, '');
    if (trimmed.startsWith('--')) {
      const end = trimmed.indexOf('\n');
      rest = end < 0 ? '' : trimmed.slice(end + 1);
    } else if (trimmed.startsWith('/*')) {
      const end = trimmed.indexOf('*/');
      rest = end < 0 ? '' : trimmed.slice(end + 2);
    } else {
      rest = trimmed;
      break;
    }
  }
  return /^[A-Za-z_]+/.exec(rest)?.[0].toUpperCase() ?? '';
}

/** Why the console will not run `sql`, or null when it may. */
export function refusalReason(sql: string): string | null {
  const keyword = firstKeyword(sql);
  if (keyword === '') return 'The query is empty.';
  if (REFUSED_KEYWORDS.has(keyword)) {
    return (
      `${keyword} statements are not run here: the console is read-only and each query runs ` +
      'in a transaction that is rolled back. Use SELECT, WITH, DESCRIBE, SHOW or SUMMARIZE.'
    );
  }
  return null;
}

export interface SqlErrorPosition {
  /** 1-based, in the query as typed. */
  line: number;
  column: number;
  /** 0-based offset into the query, for placing the editor's caret. */
  offset: number;
}

/**
 * Where DuckDB's error points. Its messages end with `LINE n: <text>` and a caret line under the
 * offending character; long lines are shown as a window that may start with `...`.
 */
export function errorPosition(message: string, sql: string): SqlErrorPosition | null {
  const lines = message.split('\n');
  const at = lines.findIndex((l) => /^LINE \d+: /.test(l));
  if (at < 0 || at + 1 >= lines.length) return null;
  const match = /^(LINE (\d+): )(.*)$/.exec(lines[at]!)!;
  const caret = lines[at + 1]!.indexOf('^');
  if (caret < 0) return null;
  const line = Number(match[2]);
  const shown = match[3]!;
  const queryLines = sql.split('\n');
  const queryLine = queryLines[line - 1];
  if (queryLine === undefined) return null;
  let column = caret - match[1]!.length;
  // A windowed line: find where the shown text starts in the real line.
  if (shown.startsWith('...')) {
    const visible = shown.slice(3).replace(/\.\.\.$/, '');
    const start = queryLine.indexOf(visible);
    if (start < 0) return null;
    column = start + (column - 3);
  }
  if (column < 0 || column > queryLine.length) return null;
  const offset = queryLines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column;
  return { line, column: column + 1, offset };
}
