import { turnBuckets, type TurnBucket, type ValueCount } from './facet-counts';
import { CATEGORIES, type CategoryId, type CategoryName } from './moderation';
import type { Row } from './row';

export interface ModelStats {
  model: string;
  conversations: number;
  /** Conversations with a flagged user message (the paper's "attempt"). */
  attempts: number;
  /** Conversations with a flagged assistant message (the paper's "success"). */
  successes: number;
  /** Per category, conversations flagged with it (any message). */
  categories: Record<CategoryId, number>;
}

export interface CategoryStats {
  id: CategoryId;
  name: CategoryName;
  /** Conversations with some message flagged for this category. */
  flagged: number;
  /** Of those, conversations with some flagged user message (not necessarily for this category). */
  withFlaggedUser: number;
  /** Of those, conversations with some flagged assistant message (idem). */
  withFlaggedAssistant: number;
}

export interface ScoreBin {
  /** Inclusive lower edge; `max` is exclusive except for the last bin, which holds 1. */
  min: number;
  max: number;
  label: string;
  count: number;
}

/** Everything the charts and safety tables show for one filter state. */
export interface ChartData {
  matching: number;
  flagged: number;
  /** The top languages, count descending then name. */
  languages: ValueCount[];
  /** Conversations in every language outside the top ones. */
  otherLanguages: number;
  /** Count descending then name. */
  models: ModelStats[];
  /** In the dataset's category order. */
  categories: CategoryStats[];
  turns: TurnBucket[];
  scoreCategory: CategoryId;
  scores: ScoreBin[];
}

const byCountThenValue = (a: ValueCount, b: ValueCount) =>
  b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/** Turns `buildChartsQuery` rows into `ChartData`, filling zeros for closed domains. */
export function parseChartRows(
  rows: readonly Readonly<Record<string, unknown>>[],
  scoreCategory: CategoryId,
): ChartData {
  const counts = new Map<string, number>();
  const languages: ValueCount[] = [];
  const models = new Map<string, ModelStats>();
  let otherLanguages = 0;
  for (const { chart, a, b, n } of rows) {
    if (typeof chart !== 'string' || typeof n !== 'number') continue;
    if (chart === 'language') {
      if (typeof a === 'string') languages.push({ value: a, count: n });
      else otherLanguages = n;
    } else if (chart === 'model' && typeof a === 'string' && typeof b === 'string') {
      const stats = models.get(a) ?? emptyModel(a);
      if (b === 'conversations') stats.conversations = n;
      else if (b === 'attempt') stats.attempts = n;
      else if (b === 'success') stats.successes = n;
      else if (b in stats.categories) stats.categories[b as CategoryId] = n;
      models.set(a, stats);
    } else {
      counts.set(`${chart}\u0000${String(a)}\u0000${String(b)}`, n);
    }
  }
  const get = (chart: string, a: string, b: string | null = null) =>
    counts.get(`${chart}\u0000${a}\u0000${String(b)}`) ?? 0;
  return {
    matching: get('total', 'matching'),
    flagged: get('total', 'flagged'),
    languages: languages.sort(byCountThenValue),
    otherLanguages,
    models: [...models.values()].sort((x, y) =>
      byCountThenValue(
        { value: x.model, count: x.conversations },
        { value: y.model, count: y.conversations },
      ),
    ),
    categories: CATEGORIES.map(({ id, name }) => ({
      id,
      name,
      flagged: get('category', id, 'flagged'),
      withFlaggedUser: get('category', id, 'user'),
      withFlaggedAssistant: get('category', id, 'assistant'),
    })),
    turns: turnBuckets((label) => get('turns', label)),
    scoreCategory,
    scores: Array.from({ length: SCORE_BIN_COUNT }, (_, i) => {
      const min = SCORE_EDGES[i]!;
      const max = SCORE_EDGES[i + 1]!;
      return { min, max, label: scoreBinLabel(i), count: get('score', String(i)) };
    }),
  };
}

function emptyModel(model: string): ModelStats {
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c.id, 0])) as Record<
    CategoryId,
    number
  >;
  return { model, conversations: 0, attempts: 0, successes: 0, categories };
}

/** `< 1e-6`, `1e-6–1e-5`, ..., `0.9–1`: short enough for an axis tick. */
export function scoreBinLabel(index: number): string {
  const min = SCORE_EDGES[index]!;
  const max = SCORE_EDGES[index + 1]!;
  const show = (x: number) => (x > 0 && x < 0.01 ? x.toExponential(0) : String(x));
  return index === 0 ? `< ${show(max)}` : `${show(min)}–${show(max)}`;
}

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
