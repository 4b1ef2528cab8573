import { CATEGORIES } from '../model/moderation';
import { maxScoreColumn } from './conversations-table';
import { quoteIdentifier, quoteString } from './quote';

export interface NativeShard {
  /** A path native DuckDB can read_parquet. */
  path: string;
  /** Rows in all shards before this one, so `row` is a stable ordinal across the dataset. */
  rowOffset: number;
}

/**
 * The `conversations` table computed by native DuckDB straight from the shards: the reference the
 * browser build is tested against, the bench baseline, and the core of the future `index` command.
 * Only small leaves are touched (`role`, never `content`): `len(conversation)` would read the text.
 * Must stay in step with src/db/conversation-metadata.ts.
 */
export function buildNativeConversationsQuery(options: {
  shards: readonly NativeShard[];
  hasRedacted: boolean;
  /** The layout (src/db/schema-adapter.ts); LMSYS when missing. */
  shape?: 'lmsys' | 'wildchat';
  /** Optional columns besides `redacted` the shards have; missing ones are NULL. */
  present?: { toxic?: boolean; country?: boolean; state?: boolean };
}): string {
  const { shards, hasRedacted, shape = 'lmsys', present = {} } = options;
  const idColumn = shape === 'wildchat' ? 'conversation_hash' : 'conversation_id';
  const optional = (name: 'toxic' | 'country' | 'state', type: string) =>
    present[name] ? `${name}::${type} AS ${name}` : `NULL::${type} AS ${name}`;
  if (shards.length === 0) throw new Error('at least one shard is required');
  const paths = `[${shards.map((s) => quoteString(s.path)).join(', ')}]`;
  const offsets = `[${shards.map((s) => String(s.rowOffset)).join(', ')}]`;
  const m = (field: string) => `m.${field}`;
  const anyOf = (expr: string) =>
    `coalesce(list_bool_or(list_transform(openai_moderation, m -> coalesce(${expr}, false))), false)`;
  const flaggedBy = (role: string) =>
    `coalesce(list_bool_or(list_transform(openai_moderation, (m, i) -> coalesce(m.flagged, false) AND roles[i] = ${quoteString(role)})), false)`;
  const categoryFlags = CATEGORIES.map(
    (c) => `${anyOf(`${m('categories')}.${quoteIdentifier(c.name)}`)} AS ${c.id}`,
  );
  const categoryMaxes = CATEGORIES.map(
    (c) =>
      `list_max(list_transform(openai_moderation, m -> m.category_scores.${quoteIdentifier(c.name)})) AS ${maxScoreColumn(c.id)}`,
  );
  const maxScore = `greatest(${CATEGORIES.map((c) => maxScoreColumn(c.id)).join(', ')})`;
  return `
WITH src AS (
  SELECT
    list_position(${paths}, filename) - 1 AS shard,
    file_row_number AS shard_row,
    ${idColumn} AS conversation_id, model, language, turn,
    list_transform(conversation, x -> x.role) AS roles,
    -- One entry per message: extra entries moderate nothing shown (conversation-metadata.ts too).
    openai_moderation[1:coalesce(len(roles), 0)] AS openai_moderation,
    ${hasRedacted ? 'redacted' : 'NULL::BOOLEAN AS redacted'},
    ${optional('toxic', 'BOOLEAN')},
    ${optional('country', 'VARCHAR')},
    ${optional('state', 'VARCHAR')}
  FROM read_parquet(${paths}, filename = true, file_row_number = true)
), per_row AS (
  SELECT
    (${offsets}[shard + 1] + shard_row)::BIGINT AS row,
    conversation_id, model, language,
    turn::INTEGER AS turn,
    coalesce(len(roles), 0)::INTEGER AS n_messages,
    redacted::BOOLEAN AS redacted,
    toxic, country, state,
    shard::INTEGER AS shard,
    shard_row::INTEGER AS shard_row,
    ${anyOf(m('flagged'))} AS flagged,
    ${flaggedBy('user')} AS user_flagged,
    ${flaggedBy('assistant')} AS assistant_flagged,
    ${categoryFlags.join(',\n    ')},
    ${categoryMaxes.join(',\n    ')},
    (list_position(list_transform(openai_moderation, m -> coalesce(m.flagged, false)), true) - 1)::INTEGER AS first_flagged_message
  FROM src
)
SELECT * EXCLUDE (first_flagged_message), ${maxScore} AS max_score, first_flagged_message
FROM per_row`;
}
