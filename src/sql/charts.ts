import type { Filters } from '../model/filters';
import { CONVERSATIONS, maxScoreColumn } from './conversations-table';
import { TURN_BUCKET_CAP } from '../model/facet-counts';
import { buildFilterWhere } from './filters';
import { CATEGORIES, type CategoryId } from '../model/moderation';
import { SCORE_BIN_COUNT, SCORE_EDGES, TOP_LANGUAGES } from '../model/chart-data';
import type { SqlQuery } from './query';
import { quoteIdentifier, quoteString } from './quote';

/**
 * Bits of `flags`, one integer per conversation: `flagged`, `user_flagged`, `assistant_flagged`,
 * then each category in `CATEGORIES` order. Grouping by it (a small integer) instead of counting
 * 47 filtered aggregates per row is what makes one scan cheap.
 */
const FLAG_BITS = [
  'flagged',
  'user_flagged',
  'assistant_flagged',
  ...CATEGORIES.map((c) => c.id),
] as const;
const bit = (column: (typeof FLAG_BITS)[number]) => 1 << FLAG_BITS.indexOf(column);

/**
 * Every chart and safety table for one filter state, in one statement that scans `conversations`
 * once: the filtered rows are reduced to a model, a language, a turns bucket, a score bin and a
 * bit mask of their flags, grouped by GROUPING SETS (one hash table per chart, fed by the same
 * scan), and every count is summed from those few thousand groups. Every chart shows the current
 * selection (all filters applied), unlike facets' cross-filtering.
 *
 * States the chosen category's score cube answers are counted in the page instead
 * (src/model/cube-charts.ts).
 */
export function buildChartsQuery(
  filters: Filters,
  options: { scoreCategory: CategoryId },
): SqlQuery {
  const where = buildFilterWhere(filters);
  const scoreColumn = scoreColumnFor(options.scoreCategory);
  const bin = scoreBin(scoreColumn);
  // A sum of CASEs measured faster in DuckDB than shifting cast booleans; NULL counts as false.
  const flags = FLAG_BITS.map(
    (column) => `CASE WHEN ${quoteIdentifier(column)} THEN ${bit(column)} ELSE 0 END`,
  ).join(' + ');
  const has = (column: (typeof FLAG_BITS)[number]) => `flags & ${bit(column)} <> 0`;
  const sum = (condition?: string) =>
    `coalesce(sum(n)${condition ? ` FILTER (WHERE ${condition})` : ''}, 0)::INTEGER`;
  const sql = `WITH grouped AS MATERIALIZED (
  SELECT grouping(model, language, turns, bin) AS set_id, model, language, turns, bin, flags,
    count(*) AS n
  FROM (SELECT model, language,
      CASE WHEN turn >= ${TURN_BUCKET_CAP} THEN ${TURN_BUCKET_CAP} WHEN turn >= 1 THEN turn END AS turns,
      ${bin} AS bin,
      ${flags} AS flags
    FROM ${CONVERSATIONS} WHERE ${where.sql})
  GROUP BY GROUPING SETS ((model, flags), (language), (turns), (bin))
),
by_flags AS (SELECT model, flags, n FROM grouped WHERE set_id = ${SET_IDS.modelFlags}),
by_language AS (SELECT language, n FROM grouped WHERE set_id = ${SET_IDS.language} AND language IS NOT NULL)
SELECT 'total' AS chart, s.a, NULL::VARCHAR AS b, s.n FROM (SELECT unnest([
  {'a': 'matching', 'n': ${sum()}},
  {'a': 'flagged', 'n': ${sum(has('flagged'))}}]) AS s FROM by_flags)
UNION ALL
SELECT 'language', CASE WHEN rank <= ${TOP_LANGUAGES} THEN language END, NULL, sum(n)::INTEGER
FROM (SELECT language, n, row_number() OVER (ORDER BY n DESC, language) AS rank FROM by_language)
GROUP BY ALL
UNION ALL
SELECT 'model', model, s.k, s.n FROM (SELECT model, unnest([${modelStats(sum, has)}]) AS s
  FROM by_flags WHERE model IS NOT NULL GROUP BY model)
UNION ALL
SELECT 'category', s.a, s.b, s.n FROM (SELECT unnest([${categoryStats(sum, has)}]) AS s FROM by_flags)
UNION ALL
SELECT 'turns', CASE WHEN turns = ${TURN_BUCKET_CAP} THEN '${TURN_BUCKET_CAP}+' ELSE turns::VARCHAR END, NULL, n::INTEGER
FROM grouped WHERE set_id = ${SET_IDS.turns} AND turns IS NOT NULL
UNION ALL
SELECT 'score', bin::VARCHAR, NULL, n::INTEGER
FROM grouped WHERE set_id = ${SET_IDS.bin} AND bin IS NOT NULL`;
  return { sql, params: where.params };
}

/**
 * `grouping(model, language, turns, bin)` of each grouping set: a bit is set for every column the
 * set leaves out (the first column is the highest bit).
 */
const SET_IDS = { modelFlags: 0b0111, language: 0b1011, turns: 0b1101, bin: 0b1110 } as const;

/** The column of the closed category list, so a caller's string never becomes an identifier. */
export function scoreColumnFor(id: CategoryId): string {
  const category = CATEGORIES.find((c) => c.id === id);
  if (!category) throw new Error(`Unknown moderation category: ${String(id)}`);
  return quoteIdentifier(maxScoreColumn(category.id));
}

/** NaN (DuckDB orders it above every number) and values above 1 fall in no bin. */
export function scoreBin(column: string): string {
  const whens = SCORE_EDGES.slice(1, -1).map((edge, i) => `WHEN ${column} < ${edge} THEN ${i}`);
  return `CASE ${whens.join(' ')} WHEN ${column} <= 1 THEN ${SCORE_BIN_COUNT - 1} END`;
}

function struct(fields: Record<string, string>): string {
  return `{${Object.entries(fields)
    .map(([name, value]) => `${quoteString(name)}: ${value}`)
    .join(', ')}}`;
}

type Sum = (condition?: string) => string;
type Has = (column: (typeof FLAG_BITS)[number]) => string;

function modelStats(sum: Sum, has: Has): string {
  return [
    struct({ k: quoteString('conversations'), n: sum() }),
    struct({ k: quoteString('attempt'), n: sum(has('user_flagged')) }),
    struct({ k: quoteString('success'), n: sum(has('assistant_flagged')) }),
    ...CATEGORIES.map(({ id }) => struct({ k: quoteString(id), n: sum(has(id)) })),
  ].join(', ');
}

function categoryStats(sum: Sum, has: Has): string {
  return CATEGORIES.flatMap(({ id }) =>
    (
      [
        ['flagged', has(id)],
        ['user', `${has(id)} AND ${has('user_flagged')}`],
        ['assistant', `${has(id)} AND ${has('assistant_flagged')}`],
      ] as const
    ).map(([side, condition]) =>
      struct({ a: quoteString(id), b: quoteString(side), n: sum(condition) }),
    ),
  ).join(', ');
}
