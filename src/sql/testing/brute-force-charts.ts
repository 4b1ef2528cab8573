import type { ChartData, ModelStats } from '../../model/chart-data';
import { SCORE_EDGES, TOP_LANGUAGES } from '../../model/chart-data';
import { maxScoreColumn } from '../conversations-table';
import type { ValueCount } from '../../model/facet-counts';
import { CATEGORIES, type CategoryId } from '../../model/moderation';
import type { Row } from '../../model/row';
import type { Filters } from '../../model/filters';
import { matchesAll } from '../../model/testing/brute-force-counts';

/**
 * The chart semantics written a second time, in plain TypeScript over every row: the reference
 * `buildChartsQuery` is tested against. Labels and closed domains come from the parser's output
 * shape, so only counts are recomputed here.
 */
export function bruteForceCharts(
  rows: readonly Row[],
  filters: Filters,
  scoreCategory: CategoryId,
): Omit<ChartData, 'turns' | 'scores'> & { turns: number[]; scores: number[] } {
  const selected = rows.filter((r) => matchesAll(r, filters));
  const byCount = (a: ValueCount, b: ValueCount) =>
    b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

  const languageCounts = new Map<string, number>();
  for (const r of selected)
    if (typeof r.language === 'string')
      languageCounts.set(r.language, (languageCounts.get(r.language) ?? 0) + 1);
  const languages = [...languageCounts].map(([value, count]) => ({ value, count })).sort(byCount);

  const models = new Map<string, ModelStats>();
  for (const r of selected) {
    if (typeof r.model !== 'string') continue;
    const stats = models.get(r.model) ?? {
      model: r.model,
      conversations: 0,
      attempts: 0,
      successes: 0,
      categories: Object.fromEntries(CATEGORIES.map((c) => [c.id, 0])) as Record<
        CategoryId,
        number
      >,
    };
    stats.conversations += 1;
    if (r.user_flagged === true) stats.attempts += 1;
    if (r.assistant_flagged === true) stats.successes += 1;
    for (const { id } of CATEGORIES) if (r[id] === true) stats.categories[id] += 1;
    models.set(r.model, stats);
  }

  const turns = Array.from({ length: 11 }, () => 0);
  for (const r of selected) {
    const turn = r.turn;
    if (typeof turn === 'number' && turn >= 1) turns[Math.min(turn, 11) - 1]! += 1;
  }

  const scores = Array.from({ length: SCORE_EDGES.length - 1 }, () => 0);
  for (const r of selected) {
    const score = r[maxScoreColumn(scoreCategory)];
    if (typeof score !== 'number' || Number.isNaN(score) || score > 1) continue;
    const bin = SCORE_EDGES.findIndex((edge, i) => i > 0 && score < edge);
    scores[bin === -1 ? scores.length - 1 : bin - 1]! += 1;
  }

  return {
    matching: selected.length,
    flagged: selected.filter((r) => r.flagged === true).length,
    languages: languages.slice(0, TOP_LANGUAGES),
    otherLanguages: languages.slice(TOP_LANGUAGES).reduce((sum, l) => sum + l.count, 0),
    models: [...models.values()].sort((a, b) =>
      byCount(
        { value: a.model, count: a.conversations },
        { value: b.model, count: b.conversations },
      ),
    ),
    categories: CATEGORIES.map(({ id, name }) => {
      const hit = selected.filter((r) => r[id] === true);
      return {
        id,
        name,
        flagged: hit.length,
        withFlaggedUser: hit.filter((r) => r.user_flagged === true).length,
        withFlaggedAssistant: hit.filter((r) => r.assistant_flagged === true).length,
      };
    }),
    scoreCategory,
    turns,
    scores,
  };
}
