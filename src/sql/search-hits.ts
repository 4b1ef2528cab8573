import { CONVERSATIONS } from './conversations-table';
import type { Row } from '../model/row';
import type { SqlQuery } from './query';

/**
 * Rows matched by completed text searches: one row per (search, conversation). The scan itself runs
 * in the parquet workers (it must read the text); only its result lives here, so every other query
 * can join it. The search text never reaches SQL: a search is named by its integer id.
 */
export const SEARCH_HITS = 'search_hits';

export function buildCreateSearchHitsTable(): string {
  return `CREATE TABLE IF NOT EXISTS ${SEARCH_HITS} (search_id INTEGER NOT NULL, "row" BIGINT NOT NULL)`;
}

/** The condition "this conversation matched completed search `searchId`", over `conversations`. */
export function buildSearchHitsCondition(searchId: number): SqlQuery {
  return {
    sql: `"row" IN (SELECT "row" FROM ${SEARCH_HITS} WHERE search_id = ?)`,
    params: [searchId],
  };
}

export function buildDropSearchHits(searchId: number): SqlQuery {
  return { sql: `DELETE FROM ${SEARCH_HITS} WHERE search_id = ?`, params: [searchId] };
}

/** Every search's hits: for a new dataset, whose `row`s mean other conversations. */
export function buildClearSearchHits(): string {
  return `DELETE FROM ${SEARCH_HITS}`;
}

/** Row shape of `buildHitDetailsQuery`. */
export interface HitDetailsRow extends Row {
  row: number;
  conversation_id: string;
  model: string | null;
}

/** Id and model of the conversations at these `row`s (the hits list's first few). */
export function buildHitDetailsQuery(rows: readonly number[]): SqlQuery {
  if (rows.length === 0) return { sql: `SELECT NULL LIMIT 0`, params: [] };
  return {
    sql: `SELECT "row", conversation_id, model FROM ${CONVERSATIONS} WHERE "row" IN (${rows.map(() => '?').join(', ')})`,
    params: [...rows],
  };
}
