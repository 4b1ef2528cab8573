import { TOP_LANGUAGES, type ChartRow } from '../../sql/charts';
import { CATEGORY_IDS, type CategoryId } from '../../sql/moderation';
import {
  cubeColumns,
  failedConditions,
  turnBucket,
  type CubeColumns,
} from '../filters/cube-counts';
import type { Filters } from '../filters/filters';

/**
 * Every chart computed in the page from one category's score cube (src/sql/facet-cube.ts), read
 * once per dataset and category: the rows `buildChartsQuery` returns over the table, without a
 * statement (DuckDB-WASM took 132-354 ms per filter change for it at 1M conversations, much of it
 * queued behind the list's scans; this loop over 60k cube rows takes a few milliseconds). Every
 * chart shows the selection under all filters. Tests hold it and the statement over the table to
 * one brute-force reference.
 */
export interface ScoreCubeColumns extends CubeColumns {
  /** The chart's score bin of each row (src/sql/charts.ts, `SCORE_EDGES`); NULL in none. */
  bin: (number | null)[];
}

/** A score cube's rows (`buildReadCube(category)`) as columns. */
export function scoreCubeColumns(
  rows: readonly Readonly<Record<string, unknown>>[],
): ScoreCubeColumns {
  return {
    ...cubeColumns(rows),
    bin: rows.map((r) => (r.bin === null || r.bin === undefined ? null : Number(r.bin))),
  };
}

interface ModelTally {
  conversations: number;
  attempt: number;
  success: number;
  categories: Record<CategoryId, number>;
}

const zeros = () =>
  Object.fromEntries(CATEGORY_IDS.map((id) => [id, 0])) as Record<CategoryId, number>;

/** The rows `buildChartsQuery` returns for `filters` (feed them to `parseChartRows`). */
export function cubeChartRows(cube: ScoreCubeColumns, filters: Filters): ChartRow[] {
  const failedAt = failedConditions(cube, filters);
  let matching = 0;
  let flagged = 0;
  const languages = new Map<string, number>();
  const models = new Map<string, ModelTally>();
  const categories = Object.fromEntries(
    CATEGORY_IDS.map((id) => [id, { flagged: 0, user: 0, assistant: 0 }]),
  ) as Record<CategoryId, { flagged: number; user: number; assistant: number }>;
  const turns = new Map<string, number>();
  const bins = new Map<number, number>();
  for (let i = 0; i < cube.length; i++) {
    if (failedAt(i) !== 0) continue;
    const n = cube.n[i]!;
    // As in the statement's flag bits, a NULL flag counts as not flagged.
    const user = cube.user_flagged[i] === true;
    const assistant = cube.assistant_flagged[i] === true;
    matching += n;
    if (cube.flagged[i] === true) flagged += n;
    const language = cube.language[i] ?? null;
    if (language !== null) languages.set(language, (languages.get(language) ?? 0) + n);
    const model = cube.model[i] ?? null;
    const tally = model === null ? undefined : (models.get(model) ?? newTally(models, model));
    if (tally) {
      tally.conversations += n;
      if (user) tally.attempt += n;
      if (assistant) tally.success += n;
    }
    for (const id of CATEGORY_IDS) {
      if (cube.categories[id][i] !== true) continue;
      if (tally) tally.categories[id] += n;
      const category = categories[id];
      category.flagged += n;
      if (user) category.user += n;
      if (assistant) category.assistant += n;
    }
    const bucket = turnBucket(cube.turn[i] ?? null);
    if (bucket !== null) turns.set(bucket, (turns.get(bucket) ?? 0) + n);
    const bin = cube.bin[i] ?? null;
    if (bin !== null) bins.set(bin, (bins.get(bin) ?? 0) + n);
  }
  const rows: ChartRow[] = [
    { chart: 'total', a: 'matching', b: null, n: matching },
    { chart: 'total', a: 'flagged', b: null, n: flagged },
  ];
  // The top languages by count, then name (as the statement ranks them); the rest summed.
  const ranked = [...languages].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  for (const [language, n] of ranked.slice(0, TOP_LANGUAGES))
    rows.push({ chart: 'language', a: language, b: null, n });
  if (ranked.length > TOP_LANGUAGES) {
    const rest = ranked.slice(TOP_LANGUAGES).reduce((sum, [, n]) => sum + n, 0);
    rows.push({ chart: 'language', a: null, b: null, n: rest });
  }
  for (const [model, tally] of models) {
    rows.push({ chart: 'model', a: model, b: 'conversations', n: tally.conversations });
    rows.push({ chart: 'model', a: model, b: 'attempt', n: tally.attempt });
    rows.push({ chart: 'model', a: model, b: 'success', n: tally.success });
    for (const id of CATEGORY_IDS)
      rows.push({ chart: 'model', a: model, b: id, n: tally.categories[id] });
  }
  for (const id of CATEGORY_IDS)
    for (const side of ['flagged', 'user', 'assistant'] as const)
      rows.push({ chart: 'category', a: id, b: side, n: categories[id][side] });
  for (const [bucket, n] of turns) rows.push({ chart: 'turns', a: bucket, b: null, n });
  for (const [bin, n] of bins) rows.push({ chart: 'score', a: String(bin), b: null, n });
  return rows;
}

function newTally(models: Map<string, ModelTally>, model: string): ModelTally {
  const tally = { conversations: 0, attempt: 0, success: 0, categories: zeros() };
  models.set(model, tally);
  return tally;
}
