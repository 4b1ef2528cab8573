import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '../model/filters';
import { FILTER_STATES } from '../model/testing/brute-force-counts';
import { bruteForceCharts } from './testing/brute-force-charts';
import { buildChartsQuery } from './charts';
import { SCORE_EDGES, parseChartRows, scoreBinLabel } from '../model/chart-data';
import { buildReadCube } from './facet-cube';
import { cubeAnswers } from '../model/stored-subset';
import { cubeChartRows, scoreCubeColumns } from '../model/cube-charts';
import { CATEGORY_IDS, type CategoryId } from '../model/moderation';
import type { Row } from '../model/row';
import { conversationsFixture } from './testing/conversations-fixture';
import { makeCubes } from './testing/facet-cubes';

/** Each state as given and, when it has minimum scores (never from a cube), without them. */
const bothWays = Object.entries(FILTER_STATES).flatMap(([name, filters]): [string, Filters][] =>
  Object.keys(filters.minScores).length === 0
    ? [[name, filters]]
    : [
        [name, filters],
        [`${name}, no minimum score`, { ...filters, minScores: {} }],
      ],
);

describe('chart aggregates', () => {
  let fixture: Awaited<ReturnType<typeof conversationsFixture>>;
  let all: Row[];
  const charts = async (filters: Filters, scoreCategory: CategoryId) =>
    parseChartRows(await fixture.run(buildChartsQuery(filters, { scoreCategory })), scoreCategory);
  /** Counted in the page from the category's score cube, as the app does. */
  const pageCharts = async (filters: Filters, scoreCategory: CategoryId) =>
    parseChartRows(
      cubeChartRows(
        scoreCubeColumns(await fixture.run({ sql: buildReadCube(scoreCategory), params: [] })),
        filters,
      ),
      scoreCategory,
    );

  beforeAll(async () => {
    fixture = await conversationsFixture({ rows: 20_000, shards: 2, seed: 7 });
    all = (await fixture.run({ sql: 'SELECT * FROM conversations', params: [] })) as Row[];
    await makeCubes(fixture.run);
  });
  afterAll(() => fixture.cleanup());

  it.each(bothWays)(
    'match a brute-force count over every row, from the table and, in the page, the cube: %s',
    async (name, filters) => {
      const category = CATEGORY_IDS[name.length % CATEGORY_IDS.length]!;
      const expected = bruteForceCharts(all, filters, category);
      const results = [await charts(filters, category)];
      if (cubeAnswers(filters)) results.push(await pageCharts(filters, category));
      else await expect(pageCharts(filters, category)).rejects.toThrow(/cannot answer/);
      for (const data of results)
        expect({
          ...data,
          turns: data.turns.map((t) => t.count),
          scores: data.scores.map((s) => s.count),
        }).toEqual(expected);
    },
  );

  it.each(CATEGORY_IDS)(
    'count the %s score cube in the page with the same results as the table',
    async (id) => {
      const filters = FILTER_STATES['flagged assistant, few turns']!;
      expect(await pageCharts(filters, id)).toEqual(await charts(filters, id));
      expect(await pageCharts(EMPTY_FILTERS, id)).toEqual(await charts(EMPTY_FILTERS, id));
    },
  );

  it('add up to the selection under a non-trivial filter', async () => {
    const filters: Filters = {
      ...EMPTY_FILTERS,
      models: ['vicuna-13b', 'gpt-4', 'koala-13b'],
      turns: { max: 5 },
      flagged: 'any',
    };
    const data = await charts(filters, 'sexual');
    expect(data.matching).toBeGreaterThan(0);
    expect(data.flagged).toBe(data.matching);
    const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
    expect(sum(data.languages) + data.otherLanguages).toBe(data.matching);
    expect(data.models.map((m) => m.model).sort()).toEqual(
      ['gpt-4', 'koala-13b', 'vicuna-13b'].filter((m) => all.some((r) => r.model === m)),
    );
    expect(data.models.reduce((s, m) => s + m.conversations, 0)).toBe(data.matching);
    expect(sum(data.turns.slice(5))).toBe(0);
    expect(sum(data.scores)).toBeLessThanOrEqual(data.matching);
    for (const c of data.categories) {
      expect(c.withFlaggedUser).toBeLessThanOrEqual(c.flagged);
      expect(c.withFlaggedAssistant).toBeLessThanOrEqual(c.flagged);
    }
  });

  it('keep at most 20 languages and sum the rest', async () => {
    const data = await charts(EMPTY_FILTERS, 'hate');
    expect(data.languages.length).toBeLessThanOrEqual(20);
    const distinct = new Set(all.map((r) => r.language).filter((l) => l !== null)).size;
    if (distinct > 20) expect(data.otherLanguages).toBeGreaterThan(0);
  });

  it('are one statement with a parameter for every placeholder', async () => {
    const unscored = { ...FILTER_STATES.everything!, minScores: {} };
    for (const query of [
      buildChartsQuery(FILTER_STATES.everything!, { scoreCategory: 'violence' }),
      buildChartsQuery(unscored, { scoreCategory: 'violence' }),
    ]) {
      const statements = await fixture.conn.extractStatements(query.sql);
      expect(statements.count).toBe(1);
      expect((await statements.prepare(0)).parameterCount).toBe(query.params.length);
    }
  });

  it('refuse a score category outside the closed list', () => {
    expect(() =>
      buildChartsQuery(EMPTY_FILTERS, { scoreCategory: 'x"; DROP TABLE t; --' as CategoryId }),
    ).toThrow(/Unknown moderation category/);
  });

  it('bin scores at the edges: lower edge inclusive, 1 in the last bin', async () => {
    const data = parseChartRows(
      await fixture.run({
        sql: buildChartsQuery(EMPTY_FILTERS, { scoreCategory: 'hate' }).sql.replaceAll(
          'FROM conversations',
          `FROM (SELECT * REPLACE (s AS max_hate) FROM (SELECT * FROM conversations LIMIT 1),
            unnest([0, 1e-6, 0.05, 0.1, 0.95, 1, 'NaN'::DOUBLE, NULL]) AS t(s))`,
        ),
        params: [],
      }),
      'hate',
    );
    const counts = Object.fromEntries(
      data.scores.filter((s) => s.count > 0).map((s) => [s.label, s.count]),
    );
    expect(counts).toEqual({
      '< 1e-6': 1,
      '1e-6–1e-5': 1,
      '0.01–0.1': 1,
      '0.1–0.2': 1,
      '0.9–1': 2,
    });
    expect(data.scores).toHaveLength(SCORE_EDGES.length - 1);
    expect(scoreBinLabel(5)).toBe('0.01–0.1');
  });
});
