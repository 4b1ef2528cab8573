import { TOP_LANGUAGES, type ChartRow } from './chart-data';
import type { CubeScope } from './stored-subset';
import { TURN_BUCKET_LABELS } from './facet-counts';
import { CATEGORY_IDS } from './moderation';
import { cubeColumns, failedConditions, present, type CubeColumns } from './cube-counts';
import type { Filters } from './filters';

/**
 * Every chart computed in the page from one category's score cube (src/sql/facet-cube.ts), read
 * once per dataset and category, or from that category's cube of a stored subset: the rows
 * `buildChartsQuery` returns over the table, without a statement (in DuckDB-WASM that statement
 * is planned afresh and queued behind the list's scans on every filter change; this loop over the
 * cube's rows is far cheaper). Every chart shows the selection under all filters.
 * Tests hold it and the statement over the table to one brute-force reference.
 */
export interface ScoreCubeColumns extends CubeColumns {
  /** The chart's score bin of each row (src/sql/charts.ts, `SCORE_EDGES`); -1 for NULL. */
  bin: Int16Array;
}

/** A score cube's rows (`buildReadCube(category)`) as columns. */
export function scoreCubeColumns(
  rows: readonly Readonly<Record<string, unknown>>[],
): ScoreCubeColumns {
  return {
    ...cubeColumns(rows),
    bin: Int16Array.from(rows, (r) => (r.bin === null || r.bin === undefined ? -1 : Number(r.bin))),
  };
}

/**
 * The rows `buildChartsQuery` returns for `filters` (feed them to `parseChartRows`), from a score
 * cube of every conversation or, `scope` 'subset', of a stored subset's (`buildReadSubsetCube`).
 */
export function cubeChartRows(
  cube: ScoreCubeColumns,
  filters: Filters,
  scope: CubeScope = 'all',
): ChartRow[] {
  const failed = failedConditions(cube, filters, scope);
  const categoryCount = CATEGORY_IDS.length;
  const modelCount = cube.model.values.length;
  let matching = 0;
  let flagged = 0;
  const languages = new Float64Array(cube.language.values.length);
  // Per model: conversations, attempt, success, then one count per category.
  const stride = 3 + categoryCount;
  const models = new Float64Array(modelCount * stride);
  const categories = new Float64Array(categoryCount * 3); // flagged, user, assistant
  const turns = new Float64Array(TURN_BUCKET_LABELS.length);
  const bins = new Map<number, number>();
  for (let i = 0; i < cube.length; i++) {
    if (failed[i] !== 0) continue;
    const n = cube.n[i]!;
    // As in the statement's flag bits, a NULL flag counts as not flagged.
    const user = cube.user_flagged[i] === 1;
    const assistant = cube.assistant_flagged[i] === 1;
    matching += n;
    if (cube.flagged[i] === 1) flagged += n;
    const language = cube.language.codes[i]!;
    if (language >= 0) languages[language]! += n;
    const model = cube.model.codes[i]!;
    const at = model * stride;
    if (model >= 0) {
      models[at]! += n;
      if (user) models[at + 1]! += n;
      if (assistant) models[at + 2]! += n;
    }
    const bits = cube.categories[i]!;
    if (bits !== 0)
      for (let c = 0; c < categoryCount; c++) {
        if ((bits & (1 << c)) === 0) continue;
        if (model >= 0) models[at + 3 + c]! += n;
        categories[c * 3]! += n;
        if (user) categories[c * 3 + 1]! += n;
        if (assistant) categories[c * 3 + 2]! += n;
      }
    const bucket = cube.turnBucket[i]!;
    if (bucket >= 0) turns[bucket]! += n;
    const bin = cube.bin[i]!;
    if (bin >= 0) bins.set(bin, (bins.get(bin) ?? 0) + n);
  }
  const rows: ChartRow[] = [
    { chart: 'total', a: 'matching', b: null, n: matching },
    { chart: 'total', a: 'flagged', b: null, n: flagged },
  ];
  // The top languages by count, then name (as the statement ranks them); the rest summed.
  const ranked = present(cube.language.values, languages).sort(
    (x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1),
  );
  for (const [language, n] of ranked.slice(0, TOP_LANGUAGES))
    rows.push({ chart: 'language', a: language, b: null, n });
  if (ranked.length > TOP_LANGUAGES) {
    const rest = ranked.slice(TOP_LANGUAGES).reduce((sum, [, n]) => sum + n, 0);
    rows.push({ chart: 'language', a: null, b: null, n: rest });
  }
  cube.model.values.forEach((model, code) => {
    const at = code * stride;
    if (models[at] === 0) return; // no matching conversation of this model
    rows.push({ chart: 'model', a: model, b: 'conversations', n: models[at]! });
    rows.push({ chart: 'model', a: model, b: 'attempt', n: models[at + 1]! });
    rows.push({ chart: 'model', a: model, b: 'success', n: models[at + 2]! });
    CATEGORY_IDS.forEach((id, c) =>
      rows.push({ chart: 'model', a: model, b: id, n: models[at + 3 + c]! }),
    );
  });
  CATEGORY_IDS.forEach((id, c) =>
    (['flagged', 'user', 'assistant'] as const).forEach((side, k) =>
      rows.push({ chart: 'category', a: id, b: side, n: categories[c * 3 + k]! }),
    ),
  );
  for (const [bucket, n] of present(TURN_BUCKET_LABELS, turns))
    rows.push({ chart: 'turns', a: bucket, b: null, n });
  for (const [bin, n] of bins) rows.push({ chart: 'score', a: String(bin), b: null, n });
  return rows;
}
