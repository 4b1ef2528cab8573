import { CATEGORIES, type CategoryId } from '../model/moderation';
import { quoteIdentifier } from './quote';

/** The per-conversation table every count, facet, chart and page runs on (docs/data-model.md). */
export const CONVERSATIONS = 'conversations';

export const maxScoreColumn = (id: CategoryId) => `max_${id}` as const;

/** Column name and DuckDB type, in table order. The browser build and the native SQL both follow it. */
export const CONVERSATION_COLUMNS: readonly { name: string; type: string }[] = [
  { name: 'row', type: 'BIGINT' },
  { name: 'conversation_id', type: 'VARCHAR' },
  { name: 'model', type: 'VARCHAR' },
  { name: 'language', type: 'VARCHAR' },
  { name: 'turn', type: 'INTEGER' },
  { name: 'n_messages', type: 'INTEGER' },
  // Optional per-conversation columns (src/db/schema-adapter.ts): NULL when the shards lack them.
  { name: 'redacted', type: 'BOOLEAN' },
  { name: 'toxic', type: 'BOOLEAN' },
  { name: 'country', type: 'VARCHAR' },
  { name: 'state', type: 'VARCHAR' },
  { name: 'shard', type: 'INTEGER' },
  { name: 'shard_row', type: 'INTEGER' },
  { name: 'flagged', type: 'BOOLEAN' },
  { name: 'user_flagged', type: 'BOOLEAN' },
  { name: 'assistant_flagged', type: 'BOOLEAN' },
  ...CATEGORIES.map((c) => ({ name: c.id, type: 'BOOLEAN' })),
  ...CATEGORIES.map((c) => ({ name: maxScoreColumn(c.id), type: 'DOUBLE' })),
  { name: 'max_score', type: 'DOUBLE' },
  { name: 'first_flagged_message', type: 'INTEGER' },
];

/** `CREATE TABLE` for a `conversations`-shaped table; `name` comes from code, never from users. */
export function buildCreateConversationsTable(name: string): string {
  const columns = CONVERSATION_COLUMNS.map((c) => `${quoteIdentifier(c.name)} ${c.type}`);
  return `CREATE OR REPLACE TABLE ${quoteIdentifier(name)} (${columns.join(', ')})`;
}
