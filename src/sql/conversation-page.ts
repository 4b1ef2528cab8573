import type { SqlQuery } from './query';
import { CONVERSATIONS } from './conversations-table';

/** The number of conversations in the open dataset. */
export function buildCountQuery(): SqlQuery {
  return { sql: `SELECT count(*)::INTEGER AS n FROM ${CONVERSATIONS}`, params: [] };
}

export interface ConversationSummary {
  row: number;
  conversation_id: string;
  model: string | null;
  language: string | null;
  turn: number | null;
  flagged: boolean;
  max_score: number | null;
  [key: string]: string | number | boolean | null;
}

/** One page of conversations in the dataset's natural order. */
export function buildConversationPageQuery(options: { limit: number; offset: number }): SqlQuery {
  const { limit, offset } = options;
  if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) {
    throw new Error('limit and offset must be non-negative integers');
  }
  return {
    sql: `SELECT row::DOUBLE AS row, conversation_id, model, language, turn, flagged, max_score
FROM ${CONVERSATIONS} ORDER BY row LIMIT ? OFFSET ?`,
    params: [limit, offset],
  };
}
