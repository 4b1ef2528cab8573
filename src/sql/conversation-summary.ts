import { CONVERSATION_COLUMNS, CONVERSATIONS, maxScoreColumn } from './conversations-table';
import type { CategoryId } from './moderation';
import type { SqlQuery } from './query';
import { quoteIdentifier } from './quote';

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
 * shards (DESIGN.md, "The data model"). An id is not always unique (two rows of a dataset can share
 * one), so the rows with the id are numbered in natural order and `pick` chooses among them.
 */
export function buildConversationSummaryQuery(
  conversationId: string,
  pick: RowPick = { occurrence: 1 },
): SqlQuery {
  const names = CONVERSATION_COLUMNS.map((c) => quoteIdentifier(c.name));
  // BIGINT arrives in the browser as a bigint; the ordinal fits a double exactly.
  const shown = CONVERSATION_COLUMNS.map((c) =>
    c.name === 'row' ? 'row::DOUBLE AS row' : quoteIdentifier(c.name),
  );
  const [chosen, value] = 'row' in pick ? ['row', pick.row] : ['occurrence', pick.occurrence];
  return {
    sql: `SELECT ${shown.join(', ')}, occurrence, id_rows FROM (
  SELECT ${names.join(', ')},
    row_number() OVER (ORDER BY row)::INTEGER AS occurrence,
    count(*) OVER ()::INTEGER AS id_rows
  FROM ${CONVERSATIONS} WHERE conversation_id = ?
) WHERE ${chosen} = ? LIMIT 1`,
    params: [conversationId, value],
  };
}
