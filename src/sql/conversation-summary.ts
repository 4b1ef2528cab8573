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
 * The `conversations` row of one conversation id (none when the id is not in the dataset). Ids are
 * resolved here, in the small table, never by scanning the shards (DESIGN.md, "The data model").
 */
export function buildConversationSummaryQuery(conversationId: string): SqlQuery {
  // BIGINT arrives in the browser as a bigint; the ordinal fits a double exactly.
  const columns = CONVERSATION_COLUMNS.map((c) =>
    c.name === 'row' ? 'row::DOUBLE AS row' : quoteIdentifier(c.name),
  );
  return {
    sql: `SELECT ${columns.join(', ')} FROM ${CONVERSATIONS} WHERE conversation_id = ? LIMIT 1`,
    params: [conversationId],
  };
}
