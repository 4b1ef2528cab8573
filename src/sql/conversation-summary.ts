import { CONVERSATION_COLUMNS, CONVERSATIONS, maxScoreColumn } from './conversations-table';
import type { CategoryId } from '../model/moderation';
import type { SqlQuery } from './query';
import { quoteIdentifier, sqlInteger } from './quote';

/** Every column of one `conversations` row: what the viewer shows beside the text it reads. */
export type ConversationSummary = {
  row: number;
  conversation_id: string;
  model: string | null;
  language: string | null;
  turn: number | null;
  n_messages: number;
  redacted: boolean | null;
  shard: number;
  shard_row: number;
  flagged: boolean;
  user_flagged: boolean;
  assistant_flagged: boolean;
  max_score: number | null;
  first_flagged_message: number | null;
} & Record<CategoryId, boolean> &
  Record<ReturnType<typeof maxScoreColumn>, number | null>;

/**
 * A summary with where it stands among the rows that share its id: `occurrence` is 1-based in the
 * dataset's natural order (`row`), `id_rows` how many rows have the id (1 for a unique id).
 */
export type PickedSummary = ConversationSummary & { occurrence: number; id_rows: number };

/**
 * Which of the rows with one id: the n-th in natural order (a link's `cn`, 1 when it has none), or
 * the one at this `row` ordinal (a row clicked in the list).
 */
export type RowPick = { occurrence: number } | { row: number };

/**
 * The `conversations` row of one conversation id (none when the id is not in the dataset, or has
 * fewer rows than `occurrence`). Ids are resolved here, in the small table, never by scanning the
 * shards (docs/data-model.md: ids are random hashes). An id is not always unique (two rows of a dataset can share
 * one), so the rows with the id are numbered in natural order and `pick` chooses among them.
 */
export function buildConversationSummaryQuery(
  conversationId: string,
  pick: RowPick = { occurrence: 1 },
): SqlQuery {
  const names = CONVERSATION_COLUMNS.map((c) => quoteIdentifier(c.name));
  const [chosen, value] = 'row' in pick ? ['row', pick.row] : ['occurrence', pick.occurrence];
  return {
    sql: `SELECT ${shownColumns('')}, occurrence, id_rows FROM (
  SELECT ${names.join(', ')},
    row_number() OVER (ORDER BY row)::INTEGER AS occurrence,
    count(*) OVER ()::INTEGER AS id_rows
  FROM ${CONVERSATIONS} WHERE conversation_id = ?
) WHERE ${chosen} = ? LIMIT 1`,
    params: [conversationId, value],
  };
}

/**
 * Every column as the summary types it: BIGINT arrives in the browser as a bigint, and the ordinal
 * fits a double exactly.
 */
const shownColumns = (alias: string) =>
  CONVERSATION_COLUMNS.map((c) =>
    c.name === 'row' ? `${alias}row::DOUBLE AS row` : `${alias}${quoteIdentifier(c.name)}`,
  ).join(', ');

/**
 * The ids that more than one row has, each with its rows in natural order. Made once per open,
 * after the first screen (src/db/shared-ids.ts), since it groups all of `conversations`; it lets a
 * clicked row find its occurrence without scanning every id.
 */
export const SHARED_IDS = 'shared_ids';

export function buildCreateSharedIds(): string {
  // Lists only for the ids found shared: listing every id's rows and dropping most of them after
  // was slower and held far more meanwhile.
  return `CREATE OR REPLACE TABLE ${quoteIdentifier(SHARED_IDS)} AS
WITH shared AS (
  SELECT conversation_id FROM ${CONVERSATIONS} GROUP BY conversation_id HAVING count(*) > 1
)
SELECT conversation_id, list(row ORDER BY row) AS rows
FROM ${CONVERSATIONS} SEMI JOIN shared USING (conversation_id) GROUP BY conversation_id`;
}

/**
 * The same row as `buildConversationSummaryQuery(target.conversation_id, { row: target.row })`,
 * read through `shared_ids`. Its ordinal is a constant (`sqlInteger`), so DuckDB's scan skips all
 * but one row group, where the lookup by id reads every row.
 */
export function buildRowSummaryQuery(target: { row: number; conversation_id: string }): SqlQuery {
  return {
    sql: `SELECT ${shownColumns('c.')},
  coalesce(list_position(s.rows, c.row), 1)::INTEGER AS occurrence,
  coalesce(len(s.rows), 1)::INTEGER AS id_rows
FROM ${CONVERSATIONS} AS c LEFT JOIN ${quoteIdentifier(SHARED_IDS)} AS s
  ON s.conversation_id = c.conversation_id
WHERE c.row = ${sqlInteger(target.row)} AND c.conversation_id = ? LIMIT 1`,
    params: [target.conversation_id],
  };
}
