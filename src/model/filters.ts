import type { SearchSpec } from './search-spec';
import type { CategoryId } from './moderation';

/** Which messages of a conversation must be flagged: any, a user one, an assistant one, or none. */
export const FLAGGED_MODES = ['any', 'user', 'assistant', 'none'] as const;
export type FlaggedMode = (typeof FLAGGED_MODES)[number];

export const CATEGORY_MODES = ['any', 'all'] as const;
export type CategoryMode = (typeof CATEGORY_MODES)[number];

/** Inclusive bounds on `turn`; a missing bound is open. */
export interface TurnRange {
  min?: number;
  max?: number;
}

/**
 * Everything that narrows the conversation list, in the one shape the URL, the query keys and the
 * SQL builders share. Empty arrays and missing fields mean "no condition". Text search is applied
 * through the table of matching rows (`search_hits`) once its scan has completed, not as a column
 * condition.
 */
export interface Filters {
  models: readonly string[];
  languages: readonly string[];
  turns: TurnRange;
  flagged?: FlaggedMode;
  categories: readonly CategoryId[];
  /** Only meaningful with two or more categories; kept so a link reproduces the toggle's state. */
  categoryMode: CategoryMode;
  /** Per category, a minimum for that category's highest score in the conversation, in [0, 1]. */
  minScores: Partial<Record<CategoryId, number>>;
  redacted?: boolean;
  /** Countries (WildChat-1M's `country`); the facet shows only when the shards have the column. */
  countries: readonly string[];
  /** WildChat-1M's `toxic` flag; the facet shows only when the shards have the column. */
  toxic?: boolean;
  /** Text search as the URL states it (`q`, `qscope`, `qre`, `qword`); `text` is never empty. */
  search?: SearchSpec;
  /**
   * Id of the completed scan of `search` in `search_hits`, filled in by `useFilters` (never in the
   * URL). Until it is set the search narrows nothing: the rest of the app keeps showing the
   * unsearched state while the scan runs.
   */
  searchHits?: number;
  /**
   * A console query whose `conversation_id`s narrow the list ("Use as filter"), as the URL states
   * it (`idsql`). A link carries only the text: it narrows nothing until the user runs it.
   */
  idQuery?: string;
  /** Id of that query's ids in `id_sets`, filled in by `useFilters` once run (never in the URL). */
  idSet?: number;
}

/** One name per independent condition: cross-filter counts leave out exactly one of them. */
export const FACET_NAMES = [
  'model',
  'language',
  'turns',
  'flagged',
  'categories',
  'minScores',
  'redacted',
  'country',
  'toxic',
  'search',
  'idQuery',
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export const EMPTY_FILTERS: Filters = {
  models: [],
  languages: [],
  turns: {},
  categories: [],
  categoryMode: 'any',
  minScores: {},
  countries: [],
};

/** Whether a facet's own condition is active (it narrows the rows). */
export function isFacetActive(filters: Filters, facet: FacetName): boolean {
  switch (facet) {
    case 'model':
      return filters.models.length > 0;
    case 'language':
      return filters.languages.length > 0;
    case 'turns':
      return filters.turns.min !== undefined || filters.turns.max !== undefined;
    case 'flagged':
      return filters.flagged !== undefined;
    case 'categories':
      return filters.categories.length > 0;
    case 'minScores':
      return Object.keys(filters.minScores).length > 0;
    case 'redacted':
      return filters.redacted !== undefined;
    case 'country':
      return filters.countries.length > 0;
    case 'toxic':
      return filters.toxic !== undefined;
    case 'search':
      return filters.search !== undefined && filters.searchHits !== undefined;
    case 'idQuery':
      return filters.idQuery !== undefined && filters.idSet !== undefined;
  }
}

/** True when no condition narrows the rows (a lone `categoryMode` does not). */
export function isEmpty(filters: Filters): boolean {
  return FACET_NAMES.every((facet) => !isFacetActive(filters, facet));
}

/** The same filters without one facet's condition: what a chip's remove button does. */
export function clearFacet(filters: Filters, facet: FacetName): Filters {
  switch (facet) {
    case 'model':
      return { ...filters, models: [] };
    case 'language':
      return { ...filters, languages: [] };
    case 'turns':
      return { ...filters, turns: {} };
    case 'flagged':
      return withoutKey(filters, 'flagged');
    case 'categories':
      return { ...filters, categories: [], categoryMode: 'any' };
    case 'minScores':
      return { ...filters, minScores: {} };
    case 'redacted':
      return withoutKey(filters, 'redacted');
    case 'country':
      return { ...filters, countries: [] };
    case 'toxic':
      return withoutKey(filters, 'toxic');
    case 'search':
      return withoutKey(withoutKey(filters, 'search'), 'searchHits');
    case 'idQuery':
      return withoutKey(withoutKey(filters, 'idQuery'), 'idSet');
  }
}

/** The same filters with one category's minimum score set, or removed when `score` is undefined. */
export function withMinScore(filters: Filters, id: CategoryId, score: number | undefined): Filters {
  const minScores = { ...filters.minScores };
  if (score === undefined) delete minScores[id];
  else minScores[id] = score;
  return { ...filters, minScores };
}

/** Adds a value to a selection, or removes it when present; order of selection is kept. */
export function toggleValue<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

function withoutKey(
  filters: Filters,
  key: 'flagged' | 'redacted' | 'toxic' | 'search' | 'searchHits' | 'idQuery' | 'idSet',
): Filters {
  const copy = { ...filters };
  delete copy[key];
  return copy;
}
