import type { Filters } from '../model/filters';
import { CONVERSATIONS } from './conversations-table';
import { buildFilterWhere } from './filters';
import type { SqlQuery } from './query';

/** How many conversations of each shard the selection holds (shards without any are left out). */
export function buildExportShardCountsQuery(filters: Filters): SqlQuery {
  const where = buildFilterWhere(filters);
  return {
    sql:
      `SELECT shard, count(*)::INTEGER AS n FROM ${CONVERSATIONS} ` +
      `WHERE ${where.sql} GROUP BY shard ORDER BY shard`,
    params: where.params,
  };
}

/** The selection's rows in one shard, ascending: an export reads them one row group at a time. */
export function buildExportShardRowsQuery(filters: Filters, shard: number): SqlQuery {
  const where = buildFilterWhere(filters);
  return {
    sql:
      `SELECT shard_row FROM ${CONVERSATIONS} ` +
      `WHERE shard = ? AND (${where.sql}) ORDER BY shard_row`,
    params: [shard, ...where.params],
  };
}

/**
 * One page of the selection's `conversations` rows after `afterRow` (keyset paging on `row`, so
 * a page deep into a million rows costs what the first does). `afterRow` -1 starts at the top.
 */
export function buildExportTablePageQuery(
  filters: Filters,
  afterRow: number,
  limit: number,
): SqlQuery {
  const where = buildFilterWhere(filters);
  return {
    sql:
      `SELECT * FROM ${CONVERSATIONS} ` +
      `WHERE "row" > ? AND (${where.sql}) ORDER BY "row" LIMIT ?`,
    params: [afterRow, ...where.params, limit],
  };
}
