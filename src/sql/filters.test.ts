import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, FACET_NAMES, type Filters } from '../model/filters';
import {
  FILTER_STATES,
  HOSTILE_STRINGS,
  matchesAll,
  WILDCHAT_FILTER_STATES,
} from '../model/testing/brute-force-counts';
import { buildFilterWhere } from './filters';
import type { Row } from '../model/row';
import type { SqlQuery } from './query';
import { conversationsFixture } from './testing/conversations-fixture';

describe('buildFilterWhere', () => {
  let fixture: Awaited<ReturnType<typeof conversationsFixture>>;
  let all: Row[];
  const matchingRows = async (where: SqlQuery) =>
    fixture.run({
      sql: `SELECT row FROM conversations WHERE ${where.sql} ORDER BY row`,
      params: where.params,
    });

  beforeAll(async () => {
    fixture = await conversationsFixture({ rows: 5_000, shards: 2, seed: 9 });
    all = (await fixture.run({
      sql: 'SELECT * FROM conversations ORDER BY row',
      params: [],
    })) as Row[];
  });
  afterAll(() => fixture.cleanup());

  it.each(Object.entries(FILTER_STATES))(
    'selects the rows a brute-force filter selects, with and without each facet: %s',
    async (_, filters) => {
      for (const except of [undefined, ...FACET_NAMES]) {
        const expected = all.filter((r) => matchesAll(r, filters, except)).map((r) => r.row);
        const rows = await matchingRows(buildFilterWhere(filters, { except }));
        expect(rows.map((r) => r.row)).toEqual(expected);
      }
    },
  );

  it('is TRUE without filters, so it can always follow WHERE', () => {
    expect(buildFilterWhere(EMPTY_FILTERS)).toEqual({ sql: 'TRUE', params: [] });
    const onlyModel: Filters = { ...EMPTY_FILTERS, models: ['gpt-4'] };
    expect(buildFilterWhere(onlyModel, { except: 'model' })).toEqual({ sql: 'TRUE', params: [] });
  });

  it('passes each selected value as its own parameter', () => {
    const where = buildFilterWhere({ ...EMPTY_FILTERS, models: ['a', 'b'], languages: ['c'] });
    expect(where.params).toEqual(['a', 'b', 'c']);
  });

  it.each(HOSTILE_STRINGS)(
    'matches %s literally in every string filter, without error',
    async (value) => {
      for (const filters of [
        { ...EMPTY_FILTERS, models: [value] },
        { ...EMPTY_FILTERS, languages: [value] },
        { ...EMPTY_FILTERS, models: [value, value.toUpperCase()], languages: ['English', value] },
      ]) {
        expect(await matchingRows(buildFilterWhere(filters))).toEqual([]);
      }
      expect(
        await fixture.run({ sql: 'SELECT count(*)::INTEGER AS n FROM conversations', params: [] }),
      ).toEqual([{ n: 5_000 }]);
    },
  );

  it('ignores category ids outside the closed list instead of pasting them', async () => {
    const forged = {
      ...EMPTY_FILTERS,
      categories: ['sexual', '1=1) OR (TRUE'],
    } as unknown as Filters;
    const expected = all.filter((r) => r.sexual === true).map((r) => r.row);
    const rows = await matchingRows(buildFilterWhere(forged));
    expect(rows.map((r) => r.row)).toEqual(expected);
  });
});

describe('buildFilterWhere on WildChat-shaped data', () => {
  let fixture: Awaited<ReturnType<typeof conversationsFixture>>;
  let all: Row[];

  beforeAll(async () => {
    fixture = await conversationsFixture({ rows: 3_000, shards: 1, seed: 8, shape: 'wildchat' });
    all = (await fixture.run({
      sql: 'SELECT * FROM conversations ORDER BY row',
      params: [],
    })) as Row[];
  });
  afterAll(() => fixture.cleanup());

  it.each(Object.entries(WILDCHAT_FILTER_STATES))(
    'selects the rows a brute-force filter selects, with and without each facet: %s',
    async (_, filters) => {
      for (const except of [undefined, ...FACET_NAMES]) {
        const where = buildFilterWhere(filters, { except });
        const rows = await fixture.run({
          sql: `SELECT row FROM conversations WHERE ${where.sql} ORDER BY row`,
          params: where.params,
        });
        const expected = all.filter((r) => matchesAll(r, filters, except)).map((r) => r.row);
        expect(rows.map((r) => r.row)).toEqual(expected);
      }
    },
  );

  it('matches a country only as a whole value, as a parameter', async () => {
    const where = buildFilterWhere({ ...EMPTY_FILTERS, countries: ['Russia', 'Hong Kong'] });
    expect(where.params).toEqual(['Russia', 'Hong Kong']);
    const rows = await fixture.run({
      sql: `SELECT DISTINCT country FROM conversations WHERE ${where.sql} ORDER BY country`,
      params: where.params,
    });
    expect(rows).toEqual([{ country: 'Hong Kong' }, { country: 'Russia' }]);
  });
});
