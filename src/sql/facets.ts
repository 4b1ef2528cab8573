import { FLAGGED_MODES, type FacetName, type Filters } from '../model/filters';
import { CONVERSATIONS } from './conversations-table';
import { buildFilterWhere, FLAGGED_CONDITIONS } from './filters';
import { CATEGORIES } from '../model/moderation';
import type { SqlQuery } from './query';
import { quoteIdentifier, quoteString } from './quote';
import { TURN_BUCKET_CAP } from '../model/facet-counts';

const TURN_BUCKET = `CASE WHEN turn >= ${TURN_BUCKET_CAP} THEN '${TURN_BUCKET_CAP}+' WHEN turn >= 1 THEN turn::VARCHAR END`;

type CountRow = [facet: string, value: string, condition: string];

/**
 * Every facet count for one filter state, in one statement. Each facet is its own branch of a
 * UNION ALL: a scan of `conversations` under every filter but that facet's own. Measured faster
 * in native DuckDB than one scan with conditional aggregates (`count(*) FILTER`, `histogram`), a
 * materialized CTE of per-row conditions or GROUPING SETS (docs/performance-log.md): each branch's
 * WHERE is pushed into its scan, and scans of this narrow table are cheap.
 *
 * States the facet cube answers are counted in the page instead (src/model/cube-counts.ts).
 */
export function buildFacetCountsQuery(filters: Filters): SqlQuery {
  const where = (except?: FacetName) => buildFilterWhere(filters, { except });
  const branches: SqlQuery[] = [
    countsIn(undefined, [
      ['total', 'all', 'TRUE'],
      ['total', 'redacted_known', 'redacted IS NOT NULL'],
      ['total', 'toxic_known', 'toxic IS NOT NULL'],
      ['total', 'country_known', 'country IS NOT NULL'],
    ]),
    countsIn(where(), [['total', 'matching', 'TRUE']]),
    groupedIn('model', 'model', where('model')),
    groupedIn('language', 'language', where('language')),
    groupedIn('turns', TURN_BUCKET, where('turns')),
    countsIn(
      where('flagged'),
      FLAGGED_MODES.map((mode): CountRow => ['flagged', mode, FLAGGED_CONDITIONS[mode]]),
    ),
    countsIn(
      where('categories'),
      CATEGORIES.map(({ id }): CountRow => ['category', id, `${quoteIdentifier(id)} IS TRUE`]),
    ),
    countsIn(where('redacted'), [
      ['redacted', 'true', 'redacted IS TRUE'],
      ['redacted', 'false', 'redacted IS FALSE'],
    ]),
    groupedIn('country', 'country', where('country')),
    countsIn(where('toxic'), [
      ['toxic', 'true', 'toxic IS TRUE'],
      ['toxic', 'false', 'toxic IS FALSE'],
    ]),
  ];
  return {
    sql: branches.map((b) => b.sql).join('\nUNION ALL\n'),
    params: branches.flatMap((b) => b.params),
  };
}

/** One row per non-NULL value of `key` among the rows `where` selects. */
function groupedIn(facet: string, key: string, where: SqlQuery): SqlQuery {
  return {
    sql: `SELECT ${quoteString(facet)} AS facet, ${key} AS value, count(*)::INTEGER AS n
FROM ${CONVERSATIONS} WHERE (${where.sql}) AND (${key}) IS NOT NULL GROUP BY ALL`,
    params: where.params,
  };
}

/** One row per `[facet, value, condition]`: how many rows `where` selects meet the condition. */
function countsIn(where: SqlQuery | undefined, rows: CountRow[]): SqlQuery {
  const structs = rows.map(
    ([facet, value, condition]) =>
      `{'facet': ${quoteString(facet)}, 'value': ${quoteString(value)}, 'n': (count(*) FILTER (WHERE ${condition}))::INTEGER}`,
  );
  return {
    sql: `SELECT unnest(c, recursive := true) FROM (SELECT [${structs.join(', ')}] AS c
FROM ${CONVERSATIONS} WHERE ${where?.sql ?? 'TRUE'})`,
    params: where?.params ?? [],
  };
}
