import { describe, expect, it } from 'vitest';
import { activeFilters, describeTurns } from './active-filters';
import { clearFacet, EMPTY_FILTERS, isEmpty, type Filters } from '../../model/filters';

const EVERYTHING: Filters = {
  models: ['gpt-4', 'it\'s "odd"'],
  languages: ['日本語'],
  turns: { min: 2, max: 10 },
  flagged: 'user',
  categories: ['self_harm_intent', 'hate'],
  categoryMode: 'all',
  minScores: { sexual: 0.8, violence_graphic: 0.0001 },
  redacted: false,
  countries: ['Hong Kong', 'Russia'],
  toxic: true,
  idQuery: `SELECT conversation_id\n  FROM messages\n  WHERE content ILIKE '%lighthouse%' AND role = 'user' AND flagged`,
  idSet: 3,
};

describe('active filters', () => {
  it('are none for empty filters', () => {
    expect(activeFilters(EMPTY_FILTERS)).toEqual([]);
    expect(activeFilters({ ...EMPTY_FILTERS, categoryMode: 'all' })).toEqual([]);
  });

  it('list one chip per value and per other active facet, with display names', () => {
    expect(activeFilters(EVERYTHING).map((c) => c.label)).toEqual([
      'Model: gpt-4',
      'Model: it\'s "odd"',
      'Language: 日本語',
      'Turns: 2 to 10',
      'Flagged: A user message',
      'Category: hate',
      'Category: self-harm/intent',
      'Minimum sexual score: 0.8',
      'Minimum violence/graphic score: 0.0001',
      'Redacted: no',
      'Country: Hong Kong',
      'Country: Russia',
      'Toxic: yes',
      "SQL: SELECT conversation_id FROM messages WHERE content ILIKE '%lighthouse%' AND role…",
    ]);
  });

  it('each remove exactly their own condition', () => {
    const byLabel = new Map(activeFilters(EVERYTHING).map((c) => [c.label, c]));
    const remove = (label: string) => byLabel.get(label)!.remove(EVERYTHING);
    expect(remove('Model: gpt-4')).toEqual({ ...EVERYTHING, models: ['it\'s "odd"'] });
    expect(remove('Language: 日本語')).toEqual({ ...EVERYTHING, languages: [] });
    expect(remove('Turns: 2 to 10')).toEqual({ ...EVERYTHING, turns: {} });
    expect(remove('Flagged: A user message')).toEqual(clearFacet(EVERYTHING, 'flagged'));
    expect(remove('Flagged: A user message')).not.toHaveProperty('flagged');
    expect(remove('Category: hate')).toEqual({ ...EVERYTHING, categories: ['self_harm_intent'] });
    expect(remove('Minimum sexual score: 0.8')).toEqual({
      ...EVERYTHING,
      minScores: { violence_graphic: 0.0001 },
    });
    expect(remove('Redacted: no')).toEqual(clearFacet(EVERYTHING, 'redacted'));
    expect(remove('Redacted: no')).not.toHaveProperty('redacted');
    expect(remove('Country: Hong Kong')).toEqual({ ...EVERYTHING, countries: ['Russia'] });
    expect(remove('Toxic: yes')).toEqual(clearFacet(EVERYTHING, 'toxic'));
    expect(remove('Toxic: yes')).not.toHaveProperty('toxic');
    const sql = activeFilters(EVERYTHING).at(-1)!;
    expect(sql.remove(EVERYTHING)).toEqual(clearFacet(EVERYTHING, 'idQuery'));
    expect(sql.remove(EVERYTHING)).not.toHaveProperty('idQuery');
    expect(sql.remove(EVERYTHING)).not.toHaveProperty('idSet');
  });

  it('show a console query only once its ids are stored', () => {
    const pending: Filters = { ...EMPTY_FILTERS, idQuery: 'SELECT conversation_id FROM x' };
    expect(activeFilters(pending)).toEqual([]);
    expect(isEmpty(pending)).toBe(true);
  });

  it('reset the category mode with the last category', () => {
    const filters: Filters = { ...EMPTY_FILTERS, categories: ['hate'], categoryMode: 'all' };
    const [chip] = activeFilters(filters);
    expect(chip!.remove(filters)).toEqual(EMPTY_FILTERS);
  });

  it('removed one by one, leave empty filters', () => {
    let filters = EVERYTHING;
    for (const chip of activeFilters(EVERYTHING)) filters = chip.remove(filters);
    expect(isEmpty(filters)).toBe(true);
    expect(filters).toEqual(EMPTY_FILTERS);
  });

  it('describe turn ranges in words', () => {
    expect(describeTurns({ min: 3 })).toBe('at least 3');
    expect(describeTurns({ max: 5 })).toBe('at most 5');
    expect(describeTurns({ min: 4, max: 4 })).toBe('4');
    expect(describeTurns({ min: 0, max: 1 })).toBe('0 to 1');
  });
});
