import type { Filters } from '../features/filters/filters';
import { CONVERSATIONS, maxScoreColumn } from './conversations-table';
import { TURN_BUCKET_CAP } from './facets';
import { buildFilterWhere } from './filters';
import { CATEGORIES, type CategoryId } from './moderation';
import type { Row, SqlQuery } from './query';
import { quoteIdentifier, quoteString } from './quote';

/** How many languages get their own bar; the rest are summed into one "other" count. */
export const TOP_LANGUAGES = 20;

/**
 * Edges of the score histogram: decades below 0.1 (most scores are tiny, and a linear axis would put
 * nearly every conversation in its first bar), then steps of 0.1 up to 1. Bin `i` is
 * `[edges[i], edges[i + 1])`; the last bin also holds 1 itself, and bin 0 everything below 1e-6.
 */
export const SCORE_EDGES = [
  0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
] as const;
export const SCORE_BIN_COUNT = SCORE_EDGES.length - 1;

/**
 * Row shape of `buildChartsQuery`: `{ chart, a, b: VARCHAR, n: INTEGER }`, in no particular order.
 * - `total`: a `matching` (conversations under the filters) and `flagged` (of those, any message flagged).
 * - `language`: a the language, or NULL for every language outside the top `TOP_LANGUAGES` summed.
 * - `model`: a the model, b `conversations`, `attempt` (a user message flagged), `success` (an
 *   assistant message flagged) or a category id (conversations flagged with it).
 * - `category`: a a category id, b `flagged`, `user` or `assistant`: conversations flagged with the
 *   category, and of those, ones with some flagged user (assistant) message. The table keeps only
 *   per-side flags overall and per-category flags over any message, so "a user message flagged
 *   *for this category*" is not derivable; this is the closest honest split.
 * - `turns`: a `1` ... `10`, `11+`.
 * - `score`: a the bin index (see `SCORE_EDGES`) of the chosen category's `max_` score.
 * NULL models, languages, turns and scores are not counted; zero counts may be omitted.
 */
export interface ChartRow extends Row {
  chart: string;
  a: string | null;
  b: string | null;
  n: number;
}

/**
 * Every chart and safety table for one filter state, in one statement: a UNION ALL of branches,
 * each a scan of `conversations` under the same WHERE (the pattern facets.ts measured fastest).
 * Every chart shows the current selection (all filters applied), unlike facets' cross-filtering.
 */
export function buildChartsQuery(
  filters: Filters,
  options: { scoreCategory: CategoryId },
): SqlQuery {
  const where = buildFilterWhere(filters);
  const scoreColumn = scoreColumnFor(options.scoreCategory);
  const branches = [
    `SELECT 'total' AS chart, s.a, NULL::VARCHAR AS b, s.n FROM (SELECT unnest([
  {'a': 'matching', 'n': count(*)::INTEGER},
  {'a': 'flagged', 'n': count(*) FILTER (WHERE flagged IS TRUE)::INTEGER}]) AS s
FROM ${CONVERSATIONS} WHERE ${where.sql})`,
    `SELECT 'language', CASE WHEN rank <= ${TOP_LANGUAGES} THEN language END, NULL, sum(n)::INTEGER
FROM (SELECT language, count(*) AS n, row_number() OVER (ORDER BY count(*) DESC, language) AS rank
  FROM ${CONVERSATIONS} WHERE (${where.sql}) AND language IS NOT NULL GROUP BY language)
GROUP BY ALL`,
    `SELECT 'model', model, s.k, s.n FROM (SELECT model, unnest([${modelStats()}]) AS s
  FROM ${CONVERSATIONS} WHERE (${where.sql}) AND model IS NOT NULL GROUP BY model)`,
    `SELECT 'category', s.a, s.b, s.n FROM (SELECT unnest([${categoryStats()}]) AS s
  FROM ${CONVERSATIONS} WHERE ${where.sql})`,
    `SELECT 'turns', ${turnBucket}, NULL, count(*)::INTEGER
FROM ${CONVERSATIONS} WHERE (${where.sql}) AND (${turnBucket}) IS NOT NULL GROUP BY ALL`,
    `SELECT 'score', bin::VARCHAR, NULL, count(*)::INTEGER
FROM (SELECT ${scoreBin(scoreColumn)} AS bin FROM ${CONVERSATIONS} WHERE ${where.sql})
WHERE bin IS NOT NULL GROUP BY ALL`,
  ];
  return {
    sql: branches.join('\nUNION ALL\n'),
    params: branches.flatMap(() => where.params),
  };
}

const turnBucket = `CASE WHEN turn >= ${TURN_BUCKET_CAP} THEN '${TURN_BUCKET_CAP}+' WHEN turn >= 1 THEN turn::VARCHAR END`;

/** The column of the closed category list, so a caller's string never becomes an identifier. */
function scoreColumnFor(id: CategoryId): string {
  const category = CATEGORIES.find((c) => c.id === id);
  if (!category) throw new Error(`Unknown moderation category: ${String(id)}`);
  return quoteIdentifier(maxScoreColumn(category.id));
}

/** NaN (DuckDB orders it above every number) and values above 1 fall in no bin. */
function scoreBin(column: string): string {
  const whens = SCORE_EDGES.slice(1, -1).map((edge, i) => `WHEN ${column} < ${edge} THEN ${i}`);
  return `CASE ${whens.join(' ')} WHEN ${column} <= 1 THEN ${SCORE_BIN_COUNT - 1} END`;
}

function struct(fields: Record<string, string>): string {
  return `{${Object.entries(fields)
    .map(([name, value]) => `${quoteString(name)}: ${value}`)
    .join(', ')}}`;
}

function modelStats(): string {
  const count = (condition: string) => `count(*) FILTER (WHERE ${condition})::INTEGER`;
  return [
    struct({ k: quoteString('conversations'), n: 'count(*)::INTEGER' }),
    struct({ k: quoteString('attempt'), n: count('user_flagged IS TRUE') }),
    struct({ k: quoteString('success'), n: count('assistant_flagged IS TRUE') }),
    ...CATEGORIES.map(({ id }) =>
      struct({ k: quoteString(id), n: count(`${quoteIdentifier(id)} IS TRUE`) }),
    ),
  ].join(', ');
}

function categoryStats(): string {
  return CATEGORIES.flatMap(({ id }) => {
    const column = quoteIdentifier(id);
    return (
      [
        ['flagged', `${column} IS TRUE`],
        ['user', `${column} IS TRUE AND user_flagged IS TRUE`],
        ['assistant', `${column} IS TRUE AND assistant_flagged IS TRUE`],
      ] as const
    ).map(([side, condition]) =>
      struct({
        a: quoteString(id),
        b: quoteString(side),
        n: `count(*) FILTER (WHERE ${condition})::INTEGER`,
      }),
    );
  }).join(', ');
}
