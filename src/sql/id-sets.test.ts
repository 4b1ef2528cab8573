import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '../model/filters';
import {
  BRUTE_FORCE_ID_SETS,
  bruteForceCounts,
  FILTER_STATES,
  HOSTILE_STRINGS,
  matchesAll,
} from '../model/testing/brute-force-counts';
import { buildFacetCountsQuery } from './facets';
import { parseFacetRows } from '../model/facet-counts';
import { buildFilterWhere } from './filters';
import { buildClearIdSets, buildCreateIdSetsTable, buildDropIdSet, ID_SETS } from './id-sets';
import type { Row } from '../model/row';
import { conversationsFixture } from './testing/conversations-fixture';

const QUERY = 'SELECT conversation_id FROM conversations WHERE turn > 2';

describe('console query ids used as a filter', () => {
  let fixture: Awaited<ReturnType<typeof conversationsFixture>>;
  let all: Row[];
  const rowsWhere = async (filters: Filters) => {
    const where = buildFilterWhere(filters);
    const rows = await fixture.run({
      sql: `SELECT row FROM conversations WHERE ${where.sql} ORDER BY row`,
      params: where.params,
    });
    return rows.map((r) => r.row as number);
  };
  /** Stores `ids` as set `id`, in the database and in the brute-force reference. */
  const storeSet = async (id: number, ids: string[]) => {
    BRUTE_FORCE_ID_SETS.set(id, new Set(ids));
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await fixture.run({
        sql: `INSERT INTO ${ID_SETS} VALUES ${chunk.map(() => '(?, ?)').join(', ')}`,
        params: chunk.flatMap((value) => [id, value]),
      });
    }
  };

  beforeAll(async () => {
    fixture = await conversationsFixture({ rows: 3_000, shards: 2, seed: 5 });
    all = (await fixture.run({
      sql: 'SELECT * FROM conversations ORDER BY row',
      params: [],
    })) as Row[];
    await fixture.conn.run(buildCreateIdSetsTable());
    const ids = all.map((r) => r.conversation_id as string);
    // Set 1: every fourth conversation plus an id the dataset does not have; set 2: others.
    await storeSet(1, [...ids.filter((_, i) => i % 4 === 0), 'not-in-the-dataset']);
    await storeSet(
      2,
      ids.filter((_, i) => i % 7 === 3),
    );
  });
  afterAll(() => fixture.cleanup());

  it('narrows to the stored ids, and to nothing else, under every other filter', async () => {
    for (const [name, others] of Object.entries(FILTER_STATES)) {
      const filters: Filters = { ...others, idQuery: QUERY, idSet: 1 };
      const expected = all.filter((r) => matchesAll(r, filters)).map((r) => r.row);
      expect(await rowsWhere(filters), name).toEqual(expected);
    }
    const second = await rowsWhere({ ...EMPTY_FILTERS, idQuery: QUERY, idSet: 2 });
    expect(second).toEqual(all.filter((_, i) => i % 7 === 3).map((r) => r.row));
  });

  it('narrows nothing while the query from a link has not been run (no set yet)', () => {
    const pending: Filters = { ...EMPTY_FILTERS, models: ['vicuna-13b'], idQuery: QUERY };
    expect(buildFilterWhere(pending)).toEqual(
      buildFilterWhere({ ...EMPTY_FILTERS, models: ['vicuna-13b'] }),
    );
  });

  it.each(HOSTILE_STRINGS)('never puts the query text %s into SQL', (text) => {
    const filters: Filters = { ...EMPTY_FILTERS, idQuery: text, idSet: 1 };
    expect(buildFilterWhere(filters)).toEqual(buildFilterWhere({ ...filters, idQuery: QUERY }));
    expect(buildFilterWhere(filters).params).toEqual([1]);
  });

  it('counts every facet under the ids, and leaves them out only for their own facet', async () => {
    for (const others of [EMPTY_FILTERS, FILTER_STATES['one model']!, FILTER_STATES.everything!]) {
      const filters: Filters = { ...others, idQuery: QUERY, idSet: 1 };
      const counts = parseFacetRows(await fixture.run(buildFacetCountsQuery(filters)), filters);
      expect(counts).toEqual(bruteForceCounts(all, filters));
      expect(counts.matching).toBeLessThan(counts.total);
    }
    const only: Filters = { ...EMPTY_FILTERS, idQuery: QUERY, idSet: 1 };
    expect(buildFilterWhere(only, { except: 'idQuery' })).toEqual({ sql: 'TRUE', params: [] });
  });

  it('drops one set or all of them', async () => {
    await fixture.run(buildDropIdSet(2));
    expect(await rowsWhere({ ...EMPTY_FILTERS, idQuery: QUERY, idSet: 2 })).toEqual([]);
    expect((await rowsWhere({ ...EMPTY_FILTERS, idQuery: QUERY, idSet: 1 })).length).toBe(750);
    await fixture.conn.run(buildClearIdSets());
    expect(await rowsWhere({ ...EMPTY_FILTERS, idQuery: QUERY, idSet: 1 })).toEqual([]);
  });
});
