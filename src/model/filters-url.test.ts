import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from './filters';
import {
  FILTER_STATES,
  HOSTILE_STRINGS,
  WILDCHAT_FILTER_STATES,
} from './testing/brute-force-counts';
import { MAX_VALUES_PER_PARAM, parseFilters, serializeFilters, withFilters } from './filters-url';

const parse = (query: string) => parseFilters(new URLSearchParams(query));
const reserialize = (query: string) => serializeFilters(parse(query).filters).toString();

const EXAMPLE =
  'model=gpt-4&model=vicuna-13b&lang=English&turns=2-10&flagged=user&cat=sexual&cat=hate&catmode=all&min.sexual=0.8&redacted=true';

describe('filters in the URL', () => {
  it('reads the documented example', () => {
    expect(parse(EXAMPLE)).toEqual({
      filters: {
        models: ['gpt-4', 'vicuna-13b'],
        languages: ['English'],
        turns: { min: 2, max: 10 },
        flagged: 'user',
        categories: ['sexual', 'hate'],
        categoryMode: 'all',
        minScores: { sexual: 0.8 },
        redacted: true,
        countries: [],
      },
      problems: [],
    });
    expect(reserialize(EXAMPLE)).toBe(EXAMPLE);
  });

  it('reads WildChat countries and the toxic flag, and reports a bad toxic value', () => {
    expect(parse('country=United%20States&country=Hong%20Kong&toxic=false').filters).toEqual({
      ...EMPTY_FILTERS,
      countries: ['United States', 'Hong Kong'],
      toxic: false,
    });
    const { filters, problems } = parse('toxic=maybe&country=Russia');
    expect(filters).toEqual({ ...EMPTY_FILTERS, countries: ['Russia'] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/toxic/);
  });

  it('writes nothing for empty filters', () => {
    expect(serializeFilters(EMPTY_FILTERS).toString()).toBe('');
    expect(parse('')).toEqual({ filters: EMPTY_FILTERS, problems: [] });
  });

  const hostile: Filters[] = HOSTILE_STRINGS.map((s) => ({
    ...EMPTY_FILTERS,
    models: [s],
    languages: [s, 'English'],
    countries: [s],
  }));
  const searches: Filters[] = [
    ...HOSTILE_STRINGS.map((text) => ({
      ...EMPTY_FILTERS,
      search: { text, scope: 'all' as const, regex: false, wholeWord: false },
    })),
    {
      ...EMPTY_FILTERS,
      models: ['gpt-4'],
      search: { text: '^(Sure|Of course)\\b', scope: 'assistant', regex: true, wholeWord: true },
    },
    {
      ...EMPTY_FILTERS,
      search: { text: 'Привет мир', scope: 'user', regex: false, wholeWord: true },
    },
    // A console query used as a filter keeps its text exactly, newlines and quotes included.
    {
      ...EMPTY_FILTERS,
      models: ['vicuna-13b'],
      idQuery: "SELECT conversation_id\nFROM messages\nWHERE content ILIKE '%lighthouse%'; -- &x=1",
    },
  ];
  const openRanges: Filters[] = [
    { ...EMPTY_FILTERS, turns: { min: 3 } },
    { ...EMPTY_FILTERS, turns: { max: 5 } },
    { ...EMPTY_FILTERS, turns: { min: 4, max: 4 } },
    { ...EMPTY_FILTERS, turns: { min: 0 }, minScores: { hate: 1e-7, sexual: 0, violence: 1 } },
    { ...EMPTY_FILTERS, categoryMode: 'all' },
  ];
  it.each([
    ...Object.values(FILTER_STATES),
    ...Object.values(WILDCHAT_FILTER_STATES),
    ...hostile,
    ...searches,
    ...openRanges,
  ])('read back what they write: %j', (filters) => {
    const query = serializeFilters(filters).toString();
    expect(parse(query)).toEqual({ filters, problems: [] });
    expect(reserialize(query)).toBe(query);
  });

  it.each([
    ['model=', /model=""/],
    [`model=${'x'.repeat(201)}`, /longer than 200/],
    ['lang=a%00b', /control characters/],
    ['lang=tab%09', /control characters/],
    ['turns=NaN', /turns="NaN"/],
    ['turns=-3-5', /turns/],
    ['turns=10-2', /turns="10-2"/],
    ['turns=1.5', /turns/],
    ['turns=-', /turns/],
    ['turns=1e3', /turns/],
    ['turns=1234567890', /turns/],
    ['flagged=yes', /any, user, assistant, none/],
    ['flagged=USER', /flagged/],
    ['redacted=1', /redacted="1"/],
    ['catmode=some', /catmode/],
    ["cat=sexual'", /moderation categories/],
    ['cat=self-harm', /moderation categories/],
    ['cat=%27%3B%20DROP%20TABLE%20conversations%3B--', /moderation categories/],
    ['min.unknown_cat=0.5', /min\.unknown_cat="0\.5"/],
    ['min.sexual=NaN', /0 to 1/],
    ['min.sexual=-0.1', /0 to 1/],
    ['min.sexual=1.5', /0 to 1/],
    ['min.sexual=Infinity', /0 to 1/],
    ['min.sexual=1e400', /0 to 1/],
    ['min.sexual=0x1', /0 to 1/],
    ['min.sexual=', /0 to 1/],
    ['min.=0.5', /moderation categories/],
    ['q=', /q="": the value is empty/],
    [`q=${'x'.repeat(1001)}`, /longer than 1000/],
    ['q=a%0Ab', /control characters/],
    ['q=(unclosed&qre=1', /q="\(unclosed": not a valid regular expression: .+\.$/],
    ['q=a[&qre=1&qword=1', /not a valid regular expression/],
    ['qscope=user', /qscope: there is no search text/],
    ['qre=1&qword=1', /qre, qword: there is no search text/],
    ['idsql=%20%0A', /idsql=" \\n": the query is empty/],
    [`idsql=${'x'.repeat(20_001)}`, /longer than 20000/],
  ])('drop %s with a notice', (query, problem) => {
    const { filters, problems } = parse(query);
    expect(filters).toEqual(EMPTY_FILTERS);
    expect(problems).toEqual([expect.stringMatching(problem)]);
  });

  it('read a search with its options, and drop only an invalid option', () => {
    expect(parse('q=lighthouse&qscope=assistant&qre=1&qword=1')).toEqual({
      filters: {
        ...EMPTY_FILTERS,
        search: { text: 'lighthouse', scope: 'assistant', regex: true, wholeWord: true },
      },
      problems: [],
    });
    const { filters, problems } = parse('q=it%27s%20100%25&qscope=system&qre=yes');
    expect(filters.search).toEqual({
      text: "it's 100%",
      scope: 'all',
      regex: false,
      wholeWord: false,
    });
    expect(problems).toEqual([
      expect.stringMatching(/qscope="system": expected one of all, user, assistant/),
      expect.stringMatching(/qre="yes": expected one of 1/),
    ]);
    // Invalid as a regular expression, but fine as plain text.
    expect(parse('q=(unclosed').filters.search?.text).toBe('(unclosed');
    expect(serializeFilters(parse('q=x&qscope=all').filters).toString()).toBe('q=x');
  });

  it('keep the first of repeated single-valued params and say so', () => {
    const { filters, problems } = parse(
      'flagged=user&flagged=any&turns=2-3&turns=5&min.hate=0.5&min.hate=0.9&model=a&model=a&cat=hate&cat=hate',
    );
    expect(filters).toEqual({
      ...EMPTY_FILTERS,
      flagged: 'user',
      turns: { min: 2, max: 3 },
      minScores: { hate: 0.5 },
      models: ['a'],
      categories: ['hate'],
    });
    expect(problems).toHaveLength(3);
  });

  it('read small scores in scientific notation and leading-dot decimals', () => {
    expect(parse('min.hate=1e-4&min.sexual=.25').filters.minScores).toEqual({
      hate: 1e-4,
      sexual: 0.25,
    });
  });

  it('cap the number of values of one param', () => {
    const query = Array.from({ length: MAX_VALUES_PER_PARAM + 20 }, (_, i) => `lang=l${i}`).join(
      '&',
    );
    const { filters, problems } = parse(query);
    expect(filters.languages).toHaveLength(MAX_VALUES_PER_PARAM);
    expect(problems).toEqual([expect.stringMatching(/beyond the first 500/)]);
  });

  it('replace only filter params, keeping the rest in order', () => {
    const params = new URLSearchParams(
      'data=https://x/a.parquet&model=old&c=abc&min.bogus=1&data=b&m=3',
    );
    const next = withFilters(params, { ...EMPTY_FILTERS, languages: ['English'], flagged: 'none' });
    expect(next.toString()).toBe(
      'data=https%3A%2F%2Fx%2Fa.parquet&c=abc&data=b&m=3&lang=English&flagged=none',
    );
    expect(withFilters(next, EMPTY_FILTERS).toString()).toBe(
      'data=https%3A%2F%2Fx%2Fa.parquet&c=abc&data=b&m=3',
    );
  });

  it('never throw, and settle after one round trip, on arbitrary input', () => {
    const names = [
      'model',
      'lang',
      'turns',
      'flagged',
      'cat',
      'catmode',
      'redacted',
      'min.hate',
      'min.x',
      'q',
      'qscope',
      'qre',
      'qword',
    ];
    const pieces = [
      '',
      '-',
      '1',
      '0.5',
      '10',
      'e',
      '%',
      "'",
      '\\',
      '_',
      'é',
      '🚀',
      'NaN',
      'hate',
      'all',
      'true',
      'user',
      '(',
      '[',
    ];
    let seed = 1;
    const pick = <T>(list: readonly T[]) => {
      seed = (seed * 48_271) % 2_147_483_647;
      return list[seed % list.length] as T;
    };
    for (let i = 0; i < 500; i++) {
      const params = new URLSearchParams();
      for (let j = 0; j < 6; j++)
        params.append(pick(names), pick(pieces) + pick(pieces) + pick(pieces));
      const once = serializeFilters(parseFilters(params).filters).toString();
      expect(reserialize(once)).toBe(once);
      expect(parse(once).problems).toEqual([]);
    }
  });
});
