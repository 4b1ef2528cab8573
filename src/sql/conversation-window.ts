import { CATEGORY_IDS, type CategoryId } from '../model/moderation';
import { CONVERSATIONS } from './conversations-table';
import type { SqlQuery } from './query';
import type { SqlValue } from '../model/row';
import { sqlInteger } from './quote';
import { SORT_KEYS, type ConversationSort } from '../model/sorts';

/** One row of the conversation list: summary, locator, flags and the 11 category booleans. */
export type ConversationListRow = {
  row: number;
  conversation_id: string;
  model: string | null;
  language: string | null;
  turn: number | null;
  shard: number;
  shard_row: number;
  flagged: boolean;
  user_flagged: boolean;
  assistant_flagged: boolean;
  max_score: number | null;
} & Record<CategoryId, boolean>;

/** Every column of a list row but `row` (which is cast, see below). */
export const LIST_COLUMNS = [
  'conversation_id',
  'model',
  'language',
  'turn',
  'shard',
  'shard_row',
  'flagged',
  'user_flagged',
  'assistant_flagged',
  'max_score',
  ...CATEGORY_IDS,
];
// BIGINT arrives in the browser as a bigint; the ordinal fits a double exactly.
const select = (alias: string) =>
  [`${alias}row::DOUBLE AS row`, ...LIST_COLUMNS.map((c) => `${alias}${c}`)].join(', ');

/** A row of the list by its sort value and ordinal: where a seek starts. */
export interface ListPosition {
  row: number;
  /** The value of the sort column in that row. */
  key: SqlValue;
}

/**
 * One window of the list in a stable order: the sort column (NULLs last in either direction), then
 * `row` so ties never reorder between windows. `where` is a filter fragment (SQL with its own `?`
 * parameters, as `buildFilterWhere` makes); without it every conversation is listed.
 *
 * The window starts `offset` rows in, unless `anchor` names the row just before it (`after`) or just
 * after it (`before`): then it is found by seeking past that row, which costs a filter instead of a
 * sort of `offset + limit` rows (seconds at 1M rows in the browser), and `offset` is not used.
 */
export function buildConversationWindowQuery(options: {
  sort: ConversationSort;
  offset: number;
  limit: number;
  where?: SqlQuery;
  anchor?: { after: ListPosition } | { before: ListPosition };
}): SqlQuery {
  const { sort, offset, limit, where, anchor } = options;
  if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) {
    throw new Error('limit and offset must be non-negative integers');
  }
  if (!SORT_KEYS.includes(sort.key)) throw new Error(`cannot sort by ${String(sort.key)}`);
  if (sort.direction !== 'asc' && sort.direction !== 'desc') {
    throw new Error(`unknown sort direction ${String(sort.direction)}`);
  }
  const filter = where && where.sql.trim() !== '' ? where : undefined;

  // `row` is the dense ordinal 0..N-1: unfiltered natural order needs no sort, only a range. Its
  // bounds are constants (`sqlInteger`), so the scan reads one or two row groups, not all of them.
  if (!filter && !anchor && sort.key === 'row' && sort.direction === 'asc') {
    const [from, to] = [sqlInteger(offset), sqlInteger(offset + limit)];
    return {
      sql: `SELECT ${select('')} FROM ${CONVERSATIONS} WHERE row >= ${from} AND row < ${to} ORDER BY row`,
      params: [],
    };
  }
  const backwards = anchor !== undefined && 'before' in anchor;
  const seek =
    anchor && ('after' in anchor ? seekAfter(sort, anchor.after) : seekBefore(sort, anchor.before));
  const conditions = [filter, seek].filter((c): c is SqlQuery => c !== undefined);
  const whereSql =
    conditions.length > 0 ? `\n  WHERE ${conditions.map((c) => `(${c.sql})`).join(' AND ')}` : '';
  // Sorting only (key, row) and joining the window's rows back is several times faster than
  // carrying every column through the sort (measured at 1M rows).
  return {
    sql: `WITH page AS (
  SELECT row, ${sort.key} AS sort_key FROM ${CONVERSATIONS}${whereSql}
  ORDER BY ${orderBy(sort, '', backwards)} LIMIT ?${anchor ? '' : ' OFFSET ?'}
)
SELECT ${select('c.')}
FROM page JOIN ${CONVERSATIONS} c ON c.row = page.row
ORDER BY ${orderBy(sort, 'page.', false)}`,
    params: [...conditions.flatMap((c) => c.params), limit, ...(anchor ? [] : [offset])],
  };
}

/** The list order, or its exact reverse (to take the rows just before a position). */
function orderBy(sort: ConversationSort, alias: string, reverse: boolean): string {
  const ascending = (sort.direction === 'asc') !== reverse;
  const direction = ascending ? 'ASC' : 'DESC';
  if (sort.key === 'row') return `${alias}row ${direction}`;
  return `${alias}sort_key ${direction} NULLS ${reverse ? 'FIRST' : 'LAST'}, ${alias}row ${reverse ? 'DESC' : 'ASC'}`;
}

/** Rows after `p` in list order (NULL keys come last, ties go by `row`). */
function seekAfter(sort: ConversationSort, p: ListPosition): SqlQuery {
  const beyond = sort.direction === 'asc' ? '>' : '<';
  if (sort.key === 'row') return { sql: `row ${beyond} ?`, params: [p.row] };
  if (p.key === null) return { sql: `${sort.key} IS NULL AND row > ?`, params: [p.row] };
  return {
    sql: `${sort.key} ${beyond} ? OR (${sort.key} = ? AND row > ?) OR ${sort.key} IS NULL`,
    params: [p.key, p.key, p.row],
  };
}

/** Rows before `p` in list order. */
function seekBefore(sort: ConversationSort, p: ListPosition): SqlQuery {
  const before = sort.direction === 'asc' ? '<' : '>';
  if (sort.key === 'row') return { sql: `row ${before} ?`, params: [p.row] };
  if (p.key === null) return { sql: `${sort.key} IS NOT NULL OR row < ?`, params: [p.row] };
  return {
    sql: `${sort.key} ${before} ? OR (${sort.key} = ? AND row < ?)`,
    params: [p.key, p.key, p.row],
  };
}

/**
 * Where a conversation stands in the list: `position` counts the rows before it in `sort` order
 * among those matching `where`, and `included` says whether it matches `where` itself (1 or 0).
 * A deep link scrolls the list there without reading the windows in between.
 */
export function buildListPositionQuery(options: {
  sort: ConversationSort;
  target: ListPosition;
  where?: SqlQuery;
}): SqlQuery {
  const { sort, target } = options;
  if (!SORT_KEYS.includes(sort.key)) throw new Error(`cannot sort by ${String(sort.key)}`);
  const filter = options.where && options.where.sql.trim() !== '' ? options.where : undefined;
  const before = seekBefore(sort, target);
  const and = (c: SqlQuery) =>
    filter ? { sql: `(${filter.sql}) AND (${c.sql})`, params: [...filter.params, ...c.params] } : c;
  const preceding = and(before);
  const self = and({ sql: 'row = ?', params: [target.row] });
  return {
    sql: `SELECT
  (SELECT count(*) FROM ${CONVERSATIONS} WHERE ${preceding.sql})::DOUBLE AS position,
  (SELECT count(*) FROM ${CONVERSATIONS} WHERE ${self.sql})::INTEGER AS included`,
    params: [...preceding.params, ...self.params],
  };
}
