import { FLAGGED_MODES, type Filters, type FlaggedMode } from './filters';
import { CATEGORY_IDS, type CategoryId } from './moderation';
import type { Row } from './row';

/**
 * Row shape of `buildFacetCountsQuery`: `{ facet: VARCHAR, value: VARCHAR, n: INTEGER }`, one row
 * per count, in no particular order.
 * - `total`: value `all` (N, every conversation), `matching` (M, under every filter) and
 *   `redacted_known`, `toxic_known`, `country_known` (conversations whose `redacted`, `toxic`,
 *   `country` is not NULL; 0 when the shards lack the column, e.g. LMSYS shards lack the last two).
 * - `model`, `language`, `country`: one row per value with a non-zero count (NULL values are not counted).
 * - `turns`: value `1` ... `10` and `11+`, by `turn`; turns below 1 or NULL fall in no bucket.
 * - `flagged`: value `any`, `user`, `assistant`, `none`; `category`: value a category id (flagged
 *   with it); `redacted`, `toxic`: value `true`, `false`. These domains are closed; a 0 may be omitted.
 * Each facet counts under every filter but its own; `category` is the `categories` facet (its
 * counts still honour the minimum scores, which are a separate filter).
 */
export interface FacetRow extends Row {
  facet: string;
  value: string;
  n: number;
}

export const TURN_BUCKET_CAP = 11;
/** The turns buckets' labels, in order: `1` ... `10`, `11+` (the values `TURN_BUCKET` gives). */
export const TURN_BUCKET_LABELS = Array.from({ length: TURN_BUCKET_CAP }, (_, i) =>
  i + 1 === TURN_BUCKET_CAP ? `${TURN_BUCKET_CAP}+` : String(i + 1),
);

/** The turns histogram's buckets, each with the count `countOf` gives for its label. */
export function turnBuckets(countOf: (label: string) => number): TurnBucket[] {
  return TURN_BUCKET_LABELS.map((label, i) => {
    const min = i + 1;
    const count = countOf(label);
    return min === TURN_BUCKET_CAP ? { min, label, count } : { min, max: min, label, count };
  });
}

export interface ValueCount {
  value: string;
  count: number;
}

export interface TurnBucket {
  /** Inclusive bounds of the bucket; the last one (`11+`) has no `max`. */
  min: number;
  max?: number;
  label: string;
  count: number;
}

/** All counts for one filter state; each facet's counts ignore that facet's own selection. */
export interface FacetCounts {
  /** N: every conversation in the dataset. */
  total: number;
  /** M: conversations under every filter (the status line's `M of N`). */
  matching: number;
  /** 0 when the shards have no `redacted` column: the Redacted facet should then be hidden. */
  redactedKnown: number;
  /** 0 when the shards have no `toxic` column (LMSYS): the Toxic facet should then be hidden. */
  toxicKnown: number;
  /** 0 when the shards have no `country` column (LMSYS): the Country facet should then be hidden. */
  countryKnown: number;
  /** Count descending, then value; selected values are present even at 0. */
  models: ValueCount[];
  languages: ValueCount[];
  turns: TurnBucket[];
  flagged: Record<FlaggedMode, number>;
  categories: Record<CategoryId, number>;
  redacted: Record<'true' | 'false', number>;
  countries: ValueCount[];
  toxic: Record<'true' | 'false', number>;
}

/** Turns rows into `FacetCounts`, adding zeros for closed domains and for `selected` values. */
export function parseFacetRows(
  rows: readonly Readonly<Record<string, unknown>>[],
  selected: Pick<Filters, 'models' | 'languages'> & Partial<Pick<Filters, 'countries'>> = {
    models: [],
    languages: [],
  },
): FacetCounts {
  const byFacet = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const { facet, value, n } = row;
    if (typeof facet !== 'string' || typeof value !== 'string' || typeof n !== 'number') continue;
    const counts = byFacet.get(facet) ?? new Map<string, number>();
    counts.set(value, n);
    byFacet.set(facet, counts);
  }
  const get = (facet: string, value: string) => byFacet.get(facet)?.get(value) ?? 0;
  const record = <K extends string>(facet: string, keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, get(facet, k)])) as Record<K, number>;
  return {
    total: get('total', 'all'),
    matching: get('total', 'matching'),
    redactedKnown: get('total', 'redacted_known'),
    toxicKnown: get('total', 'toxic_known'),
    countryKnown: get('total', 'country_known'),
    models: valueCounts(byFacet.get('model'), selected.models),
    languages: valueCounts(byFacet.get('language'), selected.languages),
    turns: turnBuckets((label) => get('turns', label)),
    flagged: record('flagged', FLAGGED_MODES),
    categories: record('category', CATEGORY_IDS),
    redacted: record('redacted', ['true', 'false'] as const),
    countries: valueCounts(byFacet.get('country'), selected.countries ?? []),
    toxic: record('toxic', ['true', 'false'] as const),
  };
}

function valueCounts(
  counts: ReadonlyMap<string, number> = new Map(),
  selected: readonly string[],
): ValueCount[] {
  const all = new Map(counts);
  for (const value of selected) if (!all.has(value)) all.set(value, 0);
  return [...all]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
