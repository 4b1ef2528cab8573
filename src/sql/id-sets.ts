import type { SqlQuery } from './query';

/**
 * Conversation ids a console query returned, kept so "Use as filter" can narrow every other query
 * to them: one row per (set, id). The query's text never reaches another statement; its ids arrive
 * as Arrow data and a set is named by its integer id.
 */
export const ID_SETS = 'id_sets';

export function buildCreateIdSetsTable(): string {
  return `CREATE TABLE IF NOT EXISTS ${ID_SETS} (set_id INTEGER NOT NULL, conversation_id VARCHAR NOT NULL)`;
}

/** The condition "this conversation's id is in set `setId`", over `conversations`. */
export function buildIdSetCondition(setId: number): SqlQuery {
  return {
    sql: `conversation_id IN (SELECT conversation_id FROM ${ID_SETS} WHERE set_id = ?)`,
    params: [setId],
  };
}

export function buildDropIdSet(setId: number): SqlQuery {
  return { sql: `DELETE FROM ${ID_SETS} WHERE set_id = ?`, params: [setId] };
}

/** Every set: for a new dataset, whose ids name other conversations. */
export function buildClearIdSets(): string {
  return `DELETE FROM ${ID_SETS}`;
}
