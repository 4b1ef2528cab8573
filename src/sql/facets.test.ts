import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '../model/filters';
import {
  bruteForceCounts,
  FILTER_STATES,
  HOSTILE_STRINGS,
  WILDCHAT_FILTER_STATES,
} from '../model/testing/brute-force-counts';
import { cubeColumns, cubeFacetRows, type CubeColumns } from '../model/cube-counts';
import { buildReadCube, FACET_CUBE } from './facet-cube';
import { cubeAnswers } from '../model/stored-subset';
import { buildFacetCountsQuery } from './facets';
import { parseFacetRows } from '../model/facet-counts';
import type { Row } from '../model/row';
import { conversationsFixture } from './testing/conversations-fixture';
import { makeCubes } from './testing/facet-cubes';

/**
 * Each state as given (a minimum score makes it fall back to `conversations`) and without its
 * minimum scores, which the facet cube answers: every state is counted both ways.
 */
function bothWays(states: Record<string, Filters>): [string, Filters][] {
  return Object.entries(states).flatMap(([name, filters]): [string, Filters][] =>
    Object.keys(filters.minScores).length === 0
      ? [[name, filters]]
      : [
          [name, filters],
          [`${name}, no minimum score`, { ...filters, minScores: {} }],
        ],
  );
}

describe('facet counts', () => {
  let fixture: Awaited<ReturnType<typeof conversationsFixture>>;
  let all: Row[];
  const facetCounts = async (filters: Filters) =>
    parseFacetRows(await fixture.run(buildFacetCountsQuery(filters)), filters);
  let cube: CubeColumns;
  /** Counted in the page from the facet cube, as the app does. */
  const pageCounts = (filters: Filters) => parseFacetRows(cubeFacetRows(cube, filters), filters);

  beforeAll(async () => {
    fixture = await conversationsFixture({ rows: 20_000, shards: 2, seed: 4 });
    all = (await fixture.run({ sql: 'SELECT * FROM conversations', params: [] })) as Row[];
    await makeCubes(fixture.run);
    cube = cubeColumns(await fixture.run({ sql: buildReadCube(), params: [] }));
  });
  afterAll(() => fixture.cleanup());

  it.each(bothWays(FILTER_STATES))(
    'match a brute-force count over every row, from the table and, in the page, the cube: %s',
    async (_, filters) => {
      const expected = bruteForceCounts(all, filters);
      expect(await facetCounts(filters)).toEqual(expected);
      if (cubeAnswers(filters)) expect(pageCounts(filters)).toEqual(expected);
      else expect(() => pageCounts(filters)).toThrow(/cannot answer/);
    },
  );

  it('count from a cube of far fewer rows than conversations', async () => {
    const [cube] = await fixture.run({
      sql: `SELECT count(*)::INTEGER AS n, sum(n)::INTEGER AS conversations FROM ${FACET_CUBE}`,
      params: [],
    });
    expect(cube?.conversations).toBe(20_000);
    expect(cube?.n).toBeGreaterThan(100);
    expect(cube?.n).toBeLessThan(20_000 / 2);
  });

  it('count every facet value of an unfiltered dataset', async () => {
    const counts = await facetCounts(EMPTY_FILTERS);
    expect(counts.total).toBe(20_000);
    expect(counts.matching).toBe(20_000);
    expect(counts.flagged.any + counts.flagged.none).toBe(20_000);
    expect(counts.models.reduce((sum, m) => sum + m.count, 0)).toBe(20_000);
    expect(counts.turns.reduce((sum, t) => sum + t.count, 0)).toBe(20_000);
    expect(counts.redacted.true + counts.redacted.false).toBe(counts.redactedKnown);
    // LMSYS shards have neither column: their facets stay hidden.
    expect([counts.toxicKnown, counts.countryKnown, counts.countries.length]).toEqual([0, 0, 0]);
  });

  it('keep selected values that match nothing, at zero', async () => {
    const filters = { ...EMPTY_FILTERS, models: ['no-such-model', 'vicuna-13b'] };
    const counts = await facetCounts(filters);
    expect(counts.models).toContainEqual({ value: 'no-such-model', count: 0 });
    expect(counts.matching).toBe(counts.models.find((m) => m.value === 'vicuna-13b')?.count);
  });

  it.each(HOSTILE_STRINGS)('treat %s in every string filter as a plain value', async (value) => {
    const filters = { ...EMPTY_FILTERS, models: [value], languages: [value] };
    const counts = await facetCounts(filters);
    expect(pageCounts(filters)).toEqual(counts);
    expect(counts.matching).toBe(0);
    expect(counts.total).toBe(20_000);
    expect(counts.models.find((m) => m.value === value)).toEqual({ value, count: 0 });
    expect(
      await fixture.run({ sql: 'SELECT count(*)::INTEGER AS n FROM conversations', params: [] }),
    ).toEqual([{ n: 20_000 }]);
  });

  it.each(Object.entries(FILTER_STATES))(
    'are one statement with a parameter for every placeholder: %s',
    async (_, filters) => {
      for (const query of [
        buildFacetCountsQuery(filters),
        buildFacetCountsQuery({ ...filters, minScores: {} }),
      ]) {
        const statements = await fixture.conn.extractStatements(query.sql);
        expect(statements.count).toBe(1);
        expect((await statements.prepare(0)).parameterCount).toBe(query.params.length);
      }
    },
  );

  it('parse rows into typed counts with zeros for missing closed-domain values', () => {
    const counts = parseFacetRows(
      [
        { facet: 'total', value: 'all', n: 10 },
        { facet: 'total', value: 'matching', n: 4 },
        { facet: 'model', value: 'b', n: 3 },
        { facet: 'model', value: 'a', n: 3 },
        { facet: 'model', value: 'c', n: 5 },
        { facet: 'turns', value: '11+', n: 2 },
        { facet: 'category', value: 'hate', n: 1 },
      ],
      { models: ['z'], languages: ['English'] },
    );
    expect(counts.models.map((m) => m.value)).toEqual(['c', 'a', 'b', 'z']);
    expect(counts.languages).toEqual([{ value: 'English', count: 0 }]);
    expect(counts.turns[10]).toEqual({ min: 11, label: '11+', count: 2 });
    expect(counts.turns[0]).toEqual({ min: 1, max: 1, label: '1', count: 0 });
    expect(counts.categories.hate).toBe(1);
    expect(counts.categories.sexual).toBe(0);
    expect(counts.flagged).toEqual({ any: 0, user: 0, assistant: 0, none: 0 });
    expect([counts.total, counts.matching, counts.redactedKnown]).toEqual([10, 4, 0]);
  });
});

describe('facet counts on WildChat-shaped data', () => {
  let fixture: Awaited<ReturnType<typeof conversationsFixture>>;
  let all: Row[];
  const facetCounts = async (filters: Filters) =>
    parseFacetRows(await fixture.run(buildFacetCountsQuery(filters)), filters);

  let cube: CubeColumns;

  beforeAll(async () => {
    fixture = await conversationsFixture({ rows: 4_000, shards: 2, seed: 6, shape: 'wildchat' });
    all = (await fixture.run({ sql: 'SELECT * FROM conversations', params: [] })) as Row[];
    await makeCubes(fixture.run);
    cube = cubeColumns(await fixture.run({ sql: buildReadCube(), params: [] }));
  });
  afterAll(() => fixture.cleanup());

  it.each(bothWays({ ...FILTER_STATES, ...WILDCHAT_FILTER_STATES }))(
    'match a brute-force count over every row, from the table and, in the page, the cube: %s',
    async (_, filters) => {
      const expected = bruteForceCounts(all, filters);
      expect(await facetCounts(filters)).toEqual(expected);
      if (cubeAnswers(filters))
        expect(parseFacetRows(cubeFacetRows(cube, filters), filters)).toEqual(expected);
    },
  );

  it('count countries and the toxic flag, NULL countries in no bucket', async () => {
    const counts = await facetCounts(EMPTY_FILTERS);
    const withCountry = all.filter((r) => r.country !== null).length;
    expect(withCountry).toBeLessThan(4_000);
    expect(counts.countryKnown).toBe(withCountry);
    expect(counts.countries.reduce((sum, c) => sum + c.count, 0)).toBe(withCountry);
    expect(counts.countries.map((c) => c.value)).toContain('United States');
    expect(counts.toxicKnown).toBe(4_000);
    expect(counts.toxic.true + counts.toxic.false).toBe(4_000);
    expect(counts.toxic.true).toBeGreaterThan(0);
  });
});
