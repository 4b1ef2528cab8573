import { CATEGORIES, CATEGORY_IDS } from '../moderation';
import type { FacetCounts, ValueCount } from '../facet-counts';
import type { Row } from '../row';
import {
  EMPTY_FILTERS,
  FACET_NAMES,
  FLAGGED_MODES,
  type FacetName,
  type Filters,
} from '../filters';

/**
 * The brute-force twin of `search_hits`: the rows each completed search id matched. Tests that
 * insert hits into the database register the same rows here.
 */
export const BRUTE_FORCE_SEARCH_HITS = new Map<number, ReadonlySet<number>>();
/** The same for `id_sets`: the conversation ids each stored console query returned. */
export const BRUTE_FORCE_ID_SETS = new Map<number, ReadonlySet<string>>();

/**
 * The filter semantics written a second time, in plain TypeScript over every row of
 * `conversations`: the reference the SQL builders are tested against.
 */
export function matchesFacet(row: Row, filters: Filters, facet: FacetName): boolean {
  switch (facet) {
    case 'model':
      return filters.models.length === 0 || filters.models.includes(row.model as string);
    case 'language':
      return filters.languages.length === 0 || filters.languages.includes(row.language as string);
    case 'turns': {
      const { min, max } = filters.turns;
      const turn = row.turn as number | null;
      if (min === undefined && max === undefined) return true;
      return turn !== null && turn >= (min ?? -Infinity) && turn <= (max ?? Infinity);
    }
    case 'flagged':
      return filters.flagged === undefined || flaggedAs(row, filters.flagged);
    case 'categories': {
      if (filters.categories.length === 0) return true;
      const hit = (id: string) => row[id] === true;
      return filters.categoryMode === 'all'
        ? filters.categories.every(hit)
        : filters.categories.some(hit);
    }
    case 'minScores':
      return CATEGORIES.every(({ id }) => {
        const min = filters.minScores[id];
        const score = row[`max_${id}`] as number | null;
        // DuckDB orders NaN above every number.
        return min === undefined || (score !== null && (Number.isNaN(score) || score >= min));
      });
    case 'redacted':
      return filters.redacted === undefined || row.redacted === filters.redacted;
    case 'country':
      return filters.countries.length === 0 || filters.countries.includes(row.country as string);
    case 'toxic':
      return filters.toxic === undefined || row.toxic === filters.toxic;
    case 'search': {
      if (filters.search === undefined || filters.searchHits === undefined) return true;
      const hits = BRUTE_FORCE_SEARCH_HITS.get(filters.searchHits);
      if (!hits) throw new Error(`search ${filters.searchHits} was not registered`);
      return hits.has(row.row as number);
    }
    case 'idQuery': {
      if (filters.idQuery === undefined || filters.idSet === undefined) return true;
      const ids = BRUTE_FORCE_ID_SETS.get(filters.idSet);
      if (!ids) throw new Error(`id set ${filters.idSet} was not registered`);
      return ids.has(row.conversation_id as string);
    }
  }
}

export function matchesAll(row: Row, filters: Filters, except?: FacetName): boolean {
  return FACET_NAMES.every((facet) => facet === except || matchesFacet(row, filters, facet));
}

function flaggedAs(row: Row, mode: (typeof FLAGGED_MODES)[number]): boolean {
  if (mode === 'any') return row.flagged === true;
  if (mode === 'user') return row.user_flagged === true;
  if (mode === 'assistant') return row.assistant_flagged === true;
  return row.flagged !== true;
}

export function bruteForceCounts(rows: readonly Row[], filters: Filters): FacetCounts {
  const under = (except?: FacetName) => rows.filter((r) => matchesAll(r, filters, except));
  const tally = (subset: Row[], key: (r: Row) => string | null, selected: readonly string[]) => {
    const counts = new Map<string, number>(selected.map((s) => [s, 0]));
    for (const r of subset) {
      const k = key(r);
      if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };
  const sorted = (counts: Map<string, number>): ValueCount[] =>
    [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const byTurn = tally(under('turns'), (r) => turnBucket(r.turn as number | null), []);
  const byFlagged = under('flagged');
  const byCategory = under('categories');
  const byRedacted = under('redacted');
  const byToxic = under('toxic');
  return {
    total: rows.length,
    matching: under().length,
    redactedKnown: rows.filter((r) => r.redacted !== null).length,
    toxicKnown: rows.filter((r) => r.toxic !== null).length,
    countryKnown: rows.filter((r) => r.country !== null).length,
    models: sorted(tally(under('model'), (r) => r.model as string | null, filters.models)),
    languages: sorted(
      tally(under('language'), (r) => r.language as string | null, filters.languages),
    ),
    turns: Array.from({ length: 11 }, (_, i) => {
      const label = i === 10 ? '11+' : String(i + 1);
      const count = byTurn.get(label) ?? 0;
      return i === 10 ? { min: 11, label, count } : { min: i + 1, max: i + 1, label, count };
    }),
    flagged: Object.fromEntries(
      FLAGGED_MODES.map((m) => [m, byFlagged.filter((r) => flaggedAs(r, m)).length]),
    ) as FacetCounts['flagged'],
    categories: Object.fromEntries(
      CATEGORY_IDS.map((id) => [id, byCategory.filter((r) => r[id] === true).length]),
    ) as FacetCounts['categories'],
    redacted: {
      true: byRedacted.filter((r) => r.redacted === true).length,
      false: byRedacted.filter((r) => r.redacted === false).length,
    },
    countries: sorted(
      tally(under('country'), (r) => r.country as string | null, filters.countries),
    ),
    toxic: {
      true: byToxic.filter((r) => r.toxic === true).length,
      false: byToxic.filter((r) => r.toxic === false).length,
    },
  };
}

function turnBucket(turn: number | null): string | null {
  if (turn === null || turn < 1) return null;
  return turn >= 11 ? '11+' : String(turn);
}

export const HOSTILE_STRINGS = [
  "it's",
  "'; DROP TABLE conversations; --",
  "gpt-4' OR '1'='1",
  'back\\slash\\',
  '100%',
  '_',
  '%_%',
  'naïve 日本語 🚀',
  'SELECT * FROM conversations',
  '"quoted"',
  '?',
  '$1',
  'x'.repeat(200),
];

/** Varied filter states: empty, each facet alone, combinations, and values that match nothing. */
export const FILTER_STATES: Record<string, Filters> = {
  empty: EMPTY_FILTERS,
  'one model': { ...EMPTY_FILTERS, models: ['vicuna-13b'] },
  'models and a language': {
    ...EMPTY_FILTERS,
    models: ['gpt-4', 'claude-2', 'koala-13b'],
    languages: ['English'],
  },
  languages: { ...EMPTY_FILTERS, languages: ['Portuguese', 'unknown', 'Japanese'] },
  'turns 2-10': { ...EMPTY_FILTERS, turns: { min: 2, max: 10 } },
  'turns 11+': { ...EMPTY_FILTERS, turns: { min: 11 } },
  'flagged by a user': { ...EMPTY_FILTERS, flagged: 'user' },
  'flagged assistant, few turns': { ...EMPTY_FILTERS, flagged: 'assistant', turns: { max: 3 } },
  'any of two categories': { ...EMPTY_FILTERS, categories: ['sexual', 'hate'] },
  'all of two categories with a score': {
    ...EMPTY_FILTERS,
    categories: ['sexual', 'harassment'],
    categoryMode: 'all',
    minScores: { sexual: 0.5 },
  },
  'minimum scores': { ...EMPTY_FILTERS, minScores: { violence: 0.01, harassment: 0.2 } },
  'redacted, one model': { ...EMPTY_FILTERS, redacted: true, models: ['vicuna-13b'] },
  'not redacted, not flagged': { ...EMPTY_FILTERS, redacted: false, flagged: 'none' },
  'hostile model': { ...EMPTY_FILTERS, models: ["'; DROP TABLE conversations; --"] },
  everything: {
    models: ['vicuna-13b', 'koala-13b', '100%'],
    languages: ['English', 'Russian'],
    turns: { min: 1, max: 12 },
    flagged: 'any',
    categories: ['sexual', 'violence', 'harassment'],
    categoryMode: 'any',
    minScores: { sexual: 0.001 },
    redacted: false,
    countries: [],
  },
};

/** Filter states over WildChat-shaped data (generator's --shape wildchat values). */
export const WILDCHAT_FILTER_STATES: Record<string, Filters> = {
  empty: EMPTY_FILTERS,
  'one country': { ...EMPTY_FILTERS, countries: ['Russia'] },
  'countries and a model': {
    ...EMPTY_FILTERS,
    countries: ['United States', 'China', 'Atlantis'],
    models: ['gpt-4-0314'],
  },
  toxic: { ...EMPTY_FILTERS, toxic: true },
  'not toxic, flagged, one country': {
    ...EMPTY_FILTERS,
    toxic: false,
    flagged: 'any',
    countries: ['Hong Kong'],
  },
  'hostile country': { ...EMPTY_FILTERS, countries: ["'; DROP TABLE conversations; --"] },
  'toxic, redacted, turns': { ...EMPTY_FILTERS, toxic: true, redacted: false, turns: { min: 2 } },
};
