import { CONVERSATIONS } from './conversations-table';
import type { SqlQuery } from './query';

/** The number of conversations in the open dataset. */
export function buildCountQuery(): SqlQuery {
  return { sql: `SELECT count(*)::INTEGER AS n FROM ${CONVERSATIONS}`, params: [] };
}
