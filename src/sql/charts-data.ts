import { turnBuckets, type TurnBucket, type ValueCount } from './facets';
import { CATEGORIES, type CategoryId, type CategoryName } from './moderation';
import { SCORE_BIN_COUNT, SCORE_EDGES } from './charts';

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
