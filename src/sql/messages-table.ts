import type { Filters } from '../model/filters';
import { CONVERSATIONS } from './conversations-table';
import { buildFilterWhere } from './filters';
import { CATEGORIES, type CategoryId } from '../model/moderation';
import type { Row } from '../model/row';
import type { SqlQuery } from './query';
import { quoteIdentifier } from './quote';

/**
 * One row per message of the conversations the SQL console asked for: the text lives only in the
 * parquet shards, so this table exists only once the user loads it for a selection.
 */
export const MESSAGES = 'messages';

export const scoreColumn = (id: CategoryId) => `score_${id}` as const;

/** Column name and DuckDB type, in table order; the worker's Arrow batches follow it. */
export const MESSAGE_COLUMNS: readonly { name: string; type: string }[] = [
  { name: 'row', type: 'BIGINT' },
  { name: 'conversation_id', type: 'VARCHAR' },
  { name: 'message_index', type: 'INTEGER' },
  { name: 'role', type: 'VARCHAR' },
  { name: 'content', type: 'VARCHAR' },
  { name: 'flagged', type: 'BOOLEAN' },
  ...CATEGORIES.map((c) => ({ name: c.id, type: 'BOOLEAN' })),
  ...CATEGORIES.map((c) => ({ name: scoreColumn(c.id), type: 'DOUBLE' })),
];

/** `CREATE TABLE` for a `messages`-shaped table; `name` comes from code, never from users. */
export function buildCreateMessagesTable(name: string = MESSAGES): string {
  const columns = MESSAGE_COLUMNS.map((c) => `${quoteIdentifier(c.name)} ${c.type}`);
  return `CREATE OR REPLACE TABLE ${quoteIdentifier(name)} (${columns.join(', ')})`;
}

/** Replaces `messages` with the completed staging table `name` in one statement's worth of work. */
export function buildSwapMessagesTable(name: string): string {
  return `DROP TABLE IF EXISTS ${MESSAGES}; ALTER TABLE ${quoteIdentifier(name)} RENAME TO ${MESSAGES}`;
}

/** Row shape of `buildSelectionLocatorsQuery`. */
export interface SelectionLocatorRow extends Row {
  row: number;
  conversation_id: string;
  shard: number;
  shard_row: number;
}

/** Where the first `limit` conversations of the selection live, in dataset order. */
export function buildSelectionLocatorsQuery(filters: Filters, limit: number): SqlQuery {
  const where = buildFilterWhere(filters);
  return {
    sql:
      `SELECT "row", conversation_id, shard, shard_row FROM ${CONVERSATIONS} ` +
      `WHERE ${where.sql} ORDER BY "row" LIMIT ?`,
    params: [...where.params, limit],
  };
}
