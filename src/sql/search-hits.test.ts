import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, FACET_NAMES, type Filters } from '../model/filters';
import {
  BRUTE_FORCE_ID_SETS,
  BRUTE_FORCE_SEARCH_HITS,
  bruteForceCounts,
  FILTER_STATES,
  HOSTILE_STRINGS,
  matchesAll,
} from '../model/testing/brute-force-counts';
import { cubeChartRows, scoreCubeColumns } from '../model/cube-charts';
import { bruteForceCharts } from './testing/brute-force-charts';
import { cubeColumns, cubeFacetRows } from '../model/cube-counts';
import type { SearchSpec } from '../model/search-spec';
import { buildChartsQuery } from './charts';
import { parseChartRows } from '../model/chart-data';
import { buildReadCube, buildReadSubsetCube } from './facet-cube';
import { cubeAnswers } from '../model/stored-subset';
import { buildCreateIdSetsTable, ID_SETS } from './id-sets';
import { CATEGORY_IDS } from '../model/moderation';
import { buildFacetCountsQuery } from './facets';
import { parseFacetRows } from '../model/facet-counts';
import { buildFilterWhere } from './filters';
import type { Row } from '../model/row';
import {
  buildClearSearchHits,
  buildCreateSearchHitsTable,
  buildDropSearchHits,
  buildHitDetailsQuery,
  SEARCH_HITS,
} from './search-hits';
import { conversationsFixture } from './testing/conversations-fixture';
import { makeCubes } from './testing/facet-cubes';

const spec = (text: string): SearchSpec => ({ text, scope: 'all', regex: false, wholeWord: false });
const SEARCH_1 = { searchHits: 1, idSet: undefined };

describe('completed searches joined into the filters', () => {
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
  /** Stores `rows` as search `id`, in the database and in the brute-force reference. */
  const storeSearch = async (id: number, rows: number[]) => {
    BRUTE_FORCE_SEARCH_HITS.set(id, new Set(rows));
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await fixture.run({
        sql: `INSERT INTO ${SEARCH_HITS} VALUES ${chunk.map(() => '(?, ?)').join(', ')}`,
        params: chunk.flatMap((row) => [id, row]),
      });
    }
  };

  beforeAll(async () => {
    fixture = await conversationsFixture({ rows: 4_000, shards: 2, seed: 3 });
    all = (await fixture.run({
      sql: 'SELECT * FROM conversations ORDER BY row',
      params: [],
    })) as Row[];
    await fixture.conn.run(buildCreateSearchHitsTable());
    // Search 1: a scattered third of the rows; search 2: another set, so ids must not leak.
    await storeSearch(
      1,
      all.map((r) => r.row as number).filter((row) => (row * 7919) % 3 === 0),
    );
    await storeSearch(
      2,
      all.map((r) => r.row as number).filter((row) => row % 5 === 1),
    );
    await makeCubes(fixture.run);
  });
  afterAll(() => {
    BRUTE_FORCE_ID_SETS.delete(9);
    return fixture.cleanup();
  });

  it('narrows to the completed search, and to nothing else, under every other filter', async () => {
    for (const [name, others] of Object.entries(FILTER_STATES)) {
      const filters: Filters = { ...others, search: spec('anything'), searchHits: 1 };
      const expected = all.filter((r) => matchesAll(r, filters)).map((r) => r.row);
      expect(await rowsWhere(filters), name).toEqual(expected);
      const hits = BRUTE_FORCE_SEARCH_HITS.get(1)!;
      expect(expected.every((row) => hits.has(row as number))).toBe(true);
    }
    const second = await rowsWhere({ ...EMPTY_FILTERS, search: spec('x'), searchHits: 2 });
    expect(second).toEqual([...BRUTE_FORCE_SEARCH_HITS.get(2)!].sort((a, b) => a - b));
  });

  it('narrows nothing until the scan is complete (no id yet)', async () => {
    const pending: Filters = { ...EMPTY_FILTERS, models: ['vicuna-13b'], search: spec('x') };
    expect(buildFilterWhere(pending)).toEqual(
      buildFilterWhere({ ...EMPTY_FILTERS, models: ['vicuna-13b'] }),
    );
  });

  it.each(HOSTILE_STRINGS)('never puts the search text %s into SQL', async (text) => {
    const filters: Filters = {
      ...EMPTY_FILTERS,
      languages: ['English'],
      search: spec(text),
      searchHits: 1,
    };
    const where = buildFilterWhere(filters);
    expect(where.params).toEqual(['English', 1]);
    // The statement is the same whatever the text: only the id travels.
    expect(where).toEqual(buildFilterWhere({ ...filters, search: spec('plain') }));
    expect(await rowsWhere(filters)).toEqual(
      all.filter((r) => matchesAll(r, filters)).map((r) => r.row),
    );
  });

  it('counts every facet under the search, and leaves it out only for its own facet', async () => {
    for (const others of [EMPTY_FILTERS, FILTER_STATES['one model']!, FILTER_STATES.everything!]) {
      const filters: Filters = { ...others, search: spec('x'), searchHits: 1 };
      const counts = parseFacetRows(await fixture.run(buildFacetCountsQuery(filters)), filters);
      expect(counts).toEqual(bruteForceCounts(all, filters));
      expect(counts.matching).toBeLessThan(counts.total);
    }
    expect(FACET_NAMES).toContain('search');
    const onlySearch: Filters = { ...EMPTY_FILTERS, search: spec('x'), searchHits: 1 };
    expect(buildFilterWhere(onlySearch, { except: 'search' })).toEqual({ sql: 'TRUE', params: [] });
  });

  it("counts every facet in the page from the cube of the search's hits, under every other filter", async () => {
    const everything = cubeColumns(await fixture.run({ sql: buildReadCube(), params: [] }));
    const hits = cubeColumns(await fixture.run(buildReadSubsetCube(SEARCH_1)));
    expect(hits.length).toBeLessThan(BRUTE_FORCE_SEARCH_HITS.get(1)!.size);
    let counted = 0;
    for (const [name, others] of Object.entries(FILTER_STATES)) {
      const filters: Filters = { ...others, search: spec('x'), searchHits: 1 };
      if (!cubeAnswers(filters, 'subset')) continue;
      const counts = parseFacetRows(cubeFacetRows(hits, filters, everything), filters);
      expect(counts, name).toEqual(bruteForceCounts(all, filters));
      counted++;
    }
    expect(counted).toBeGreaterThan(5);
    // Without the search, or beside a minimum score, the hits' cube does not answer.
    expect(() => cubeFacetRows(hits, EMPTY_FILTERS, everything)).toThrow(/cannot answer/);
    const withMin: Filters = { ...EMPTY_FILTERS, search: spec('x'), searchHits: 1 };
    withMin.minScores = { hate: 0.5 };
    expect(() => cubeFacetRows(hits, withMin, everything)).toThrow(/cannot answer/);
  });

  it('counts from the cube of stored console ids, alone or beside the search', async () => {
    await fixture.conn.run(buildCreateIdSetsTable());
    const ids = all.filter((_, i) => i % 3 === 0).map((r) => r.conversation_id as string);
    BRUTE_FORCE_ID_SETS.set(9, new Set(ids));
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await fixture.run({
        sql: `INSERT INTO ${ID_SETS} VALUES ${chunk.map(() => '(9, ?)').join(', ')}`,
        params: chunk,
      });
    }
    const everything = cubeColumns(await fixture.run({ sql: buildReadCube(), params: [] }));
    const idQuery = 'SELECT conversation_id FROM conversations';
    for (const [name, filters] of [
      ['stored ids', { ...EMPTY_FILTERS, idQuery, idSet: 9 }],
      ['stored ids and a model', { ...FILTER_STATES['one model']!, idQuery, idSet: 9 }],
      [
        'stored ids and the search',
        { ...EMPTY_FILTERS, idQuery, idSet: 9, search: spec('x'), searchHits: 1 },
      ],
    ] as [string, Filters][]) {
      const subset = { searchHits: filters.searchHits, idSet: 9 };
      const rows = cubeColumns(await fixture.run(buildReadSubsetCube(subset)));
      expect(parseFacetRows(cubeFacetRows(rows, filters, everything), filters), name).toEqual(
        bruteForceCounts(all, filters),
      );
      const scored = scoreCubeColumns(await fixture.run(buildReadSubsetCube(subset, 'violence')));
      const charts = parseChartRows(cubeChartRows(scored, filters, 'subset'), 'violence');
      expect(
        {
          ...charts,
          turns: charts.turns.map((t) => t.count),
          scores: charts.scores.map((b) => b.count),
        },
        name,
      ).toEqual(bruteForceCharts(all, filters, 'violence'));
    }
  });

  it("draws every chart in the page from a category's cube of the search's hits", async () => {
    let counted = 0;
    for (const [name, others] of Object.entries(FILTER_STATES)) {
      const filters: Filters = { ...others, search: spec('x'), searchHits: 1 };
      if (!cubeAnswers(filters, 'subset')) continue;
      const category = CATEGORY_IDS[counted % CATEGORY_IDS.length]!;
      const cube = scoreCubeColumns(await fixture.run(buildReadSubsetCube(SEARCH_1, category)));
      const page = parseChartRows(cubeChartRows(cube, filters, 'subset'), category);
      const table = parseChartRows(
        await fixture.run(buildChartsQuery(filters, { scoreCategory: category })),
        category,
      );
      expect(page, name).toEqual(table);
      expect(
        { ...page, turns: page.turns.map((t) => t.count), scores: page.scores.map((b) => b.count) },
        name,
      ).toEqual(bruteForceCharts(all, filters, category));
      counted++;
    }
    expect(counted).toBeGreaterThan(5);
  });

  it('reads the first hits back by row, and drops one search or all of them', async () => {
    const details = await fixture.run(buildHitDetailsQuery([3, 1, 2]));
    expect(details.map((d) => d.row).sort()).toEqual([1, 2, 3]);
    expect(details.map((d) => d.conversation_id)).toEqual(
      details.map((d) => all[d.row as number]!.conversation_id),
    );
    expect(await fixture.run(buildHitDetailsQuery([]))).toEqual([]);

    await fixture.run(buildDropSearchHits(2));
    expect(await rowsWhere({ ...EMPTY_FILTERS, search: spec('x'), searchHits: 2 })).toEqual([]);
    expect((await rowsWhere({ ...EMPTY_FILTERS, search: spec('x'), searchHits: 1 })).length).toBe(
      BRUTE_FORCE_SEARCH_HITS.get(1)!.size,
    );
    await fixture.conn.run(buildClearSearchHits());
    expect(await rowsWhere({ ...EMPTY_FILTERS, search: spec('x'), searchHits: 1 })).toEqual([]);
  });
});
