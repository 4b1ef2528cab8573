import { FACET_NAMES, type FacetName, type Filters } from '../model/filters';
import { maxScoreColumn } from './conversations-table';
import { CATEGORIES } from '../model/moderation';
import type { SqlQuery } from './query';
import { quoteIdentifier } from './quote';
import { buildIdSetCondition } from './id-sets';
import { buildSearchHitsCondition } from './search-hits';

/** A boolean SQL expression over `conversations` columns with its positional parameters. */
export type SqlCondition = SqlQuery;

const TRUE: SqlCondition = { sql: 'TRUE', params: [] };

/**
 * The WHERE body for `filters` over `conversations` (`TRUE` when nothing is active). `except`
 * leaves out one facet's own condition: that facet's counts then show what widening it would add.
 * Values travel only as `?` parameters; column names come only from the closed category list.
 */
export function buildFilterWhere(
  filters: Filters,
  options: { except?: FacetName } = {},
): SqlCondition {
  const facets = FACET_NAMES.filter((facet) => facet !== options.except);
  return allOf(facets.map((facet) => buildFacetCondition(filters, facet))) ?? TRUE;
}

/** One facet's own condition, or `undefined` when that facet does not narrow the rows. */
export function buildFacetCondition(filters: Filters, facet: FacetName): SqlCondition | undefined {
  switch (facet) {
    case 'model':
      return inList('model', filters.models);
    case 'language':
      return inList('language', filters.languages);
    case 'country':
      return inList('country', filters.countries);
    case 'toxic':
      if (filters.toxic === undefined) return undefined;
      return { sql: filters.toxic ? 'toxic IS TRUE' : 'toxic IS FALSE', params: [] };
    case 'turns': {
      const { min, max } = filters.turns;
      return allOf([
        min === undefined ? undefined : { sql: 'turn >= ?', params: [min] },
        max === undefined ? undefined : { sql: 'turn <= ?', params: [max] },
      ]);
    }
    case 'flagged':
      return filters.flagged === undefined
        ? undefined
        : { sql: FLAGGED_CONDITIONS[filters.flagged], params: [] };
    case 'categories': {
      // Iterating the closed list (not the filter's array) keeps every identifier from it.
      const columns = CATEGORIES.filter((c) => filters.categories.includes(c.id)).map((c) =>
        quoteIdentifier(c.id),
      );
      if (columns.length === 0) return undefined;
      return { sql: columns.join(filters.categoryMode === 'all' ? ' AND ' : ' OR '), params: [] };
    }
    case 'minScores':
      return allOf(
        CATEGORIES.map(({ id }) => {
          const min = filters.minScores[id];
          if (min === undefined) return undefined;
          return { sql: `${quoteIdentifier(maxScoreColumn(id))} >= ?`, params: [min] };
        }),
      );
    case 'redacted':
      if (filters.redacted === undefined) return undefined;
      return { sql: filters.redacted ? 'redacted IS TRUE' : 'redacted IS FALSE', params: [] };
    case 'search':
      // Only a completed scan narrows: its rows are in `search_hits` under `searchHits`.
      if (filters.search === undefined || filters.searchHits === undefined) return undefined;
      return buildSearchHitsCondition(filters.searchHits);
    case 'idQuery':
      // Like a search, a console query narrows only once its ids are stored under `idSet`.
      if (filters.idQuery === undefined || filters.idSet === undefined) return undefined;
      return buildIdSetCondition(filters.idSet);
  }
}

/** `IS TRUE`/`IS NOT TRUE` put a NULL flag under "none", so any + none always adds up to N. */
export const FLAGGED_CONDITIONS = {
  any: 'flagged IS TRUE',
  user: 'user_flagged IS TRUE',
  assistant: 'assistant_flagged IS TRUE',
  none: 'flagged IS NOT TRUE',
} as const;

function inList(
  column: 'model' | 'language' | 'country',
  values: readonly string[],
): SqlCondition | undefined {
  if (values.length === 0) return undefined;
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}

/** The conjunction of the defined conditions, each parenthesised; `undefined` when none. */
function allOf(conditions: readonly (SqlCondition | undefined)[]): SqlCondition | undefined {
  const present = conditions.filter((c): c is SqlCondition => c !== undefined);
  if (present.length === 0) return undefined;
  return {
    sql: present.map((c) => `(${c.sql})`).join(' AND '),
    params: present.flatMap((c) => c.params),
  };
}
