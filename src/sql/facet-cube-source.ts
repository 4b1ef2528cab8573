import { CONVERSATIONS } from './conversations-table';

/**
 * Where facet and chart counts are read from: `conversations`, one row per conversation, or a cube
 * with the same dimension columns whose rows each stand for `n` conversations (src/sql/facet-cube.ts).
 */
export interface CountSource {
  /** A table name from code, never from users. */
  table: string;
  /** The column holding how many conversations a row stands for; none: one each. */
  weight?: 'n';
  /** For charts: the column holding the score bin already computed (score cubes only). */
  bin?: 'bin';
}

export const BASE_SOURCE: CountSource = { table: CONVERSATIONS };

/** The aggregate counting the conversations of a group of `source` rows. */
export const countOf = (source: CountSource) =>
  source.weight ? `sum(${source.weight})` : 'count(*)';
