import { describe, expect, it } from 'vitest';
import {
  clearFacet,
  EMPTY_FILTERS,
  FACET_NAMES,
  isEmpty,
  isFacetActive,
  toggleValue,
  type Filters,
} from './filters';

const EVERYTHING: Filters = {
  models: ['gpt-4'],
  languages: ['English'],
  turns: { max: 3 },
  flagged: 'none',
  categories: ['hate'],
  categoryMode: 'all',
  minScores: { hate: 0.2 },
  redacted: false,
  countries: ['Russia'],
  toxic: false,
  search: { text: 'python', scope: 'user', regex: false, wholeWord: true },
  searchHits: 4,
  idQuery: 'SELECT conversation_id FROM conversations WHERE turn > 5',
  idSet: 2,
};

describe('filters', () => {
  it('are empty until a condition narrows the rows', () => {
    expect(isEmpty(EMPTY_FILTERS)).toBe(true);
    expect(isEmpty({ ...EMPTY_FILTERS, categoryMode: 'all' })).toBe(true);
    expect(isEmpty({ ...EMPTY_FILTERS, turns: { min: 0 } })).toBe(false);
    expect(isEmpty({ ...EMPTY_FILTERS, redacted: false })).toBe(false);
  });

  it('apply a text search only once its scan has completed', () => {
    const search = { text: 'python', scope: 'all', regex: false, wholeWord: false } as const;
    expect(isEmpty({ ...EMPTY_FILTERS, search })).toBe(true);
    expect(isFacetActive({ ...EMPTY_FILTERS, search }, 'search')).toBe(false);
    expect(isFacetActive({ ...EMPTY_FILTERS, search, searchHits: 1 }, 'search')).toBe(true);
  });

  it.each(FACET_NAMES)('clear the %s facet alone', (facet) => {
    expect(isFacetActive(EVERYTHING, facet)).toBe(true);
    const cleared = clearFacet(EVERYTHING, facet);
    expect(isFacetActive(cleared, facet)).toBe(false);
    for (const other of FACET_NAMES.filter((f) => f !== facet)) {
      expect(isFacetActive(cleared, other)).toBe(true);
    }
  });

  it('clear every facet back to the empty filters', () => {
    expect(FACET_NAMES.reduce(clearFacet, EVERYTHING)).toEqual(EMPTY_FILTERS);
  });

  it('toggle a value in or out of a selection, keeping its order', () => {
    expect(toggleValue(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(toggleValue(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });
});
