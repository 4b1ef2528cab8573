import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bruteForceCharts } from './testing/brute-force-charts';
import { EMPTY_FILTERS, type Filters } from '../model/filters';
import { matchesAll } from '../model/testing/brute-force-counts';
import { buildChartsQuery } from './charts';
import { parseChartRows } from '../model/chart-data';
import { buildCountQuery } from './conversation-count';
import { buildConversationLookupQuery, resolveConversationLookup } from './conversation-lookup';
import { buildConversationSummaryQuery } from './conversation-summary';
import { buildConversationWindowQuery, buildListPositionQuery } from './conversation-window';
import { buildFilterWhere } from './filters';
import type { Row } from '../model/row';
import { conversationsFixture } from './testing/conversations-fixture';

/**
 * The builders other features own, run on a `conversations` table built from WildChat-1M-shaped
 * shards: the adapter's table must serve them exactly as it serves LMSYS data.
 */
describe('query builders on WildChat-shaped data', () => {
  let fixture: Awaited<ReturnType<typeof conversationsFixture>>;
  let all: Row[];
  const filters: Filters = { ...EMPTY_FILTERS, countries: ['Russia', 'China'], toxic: false };

  beforeAll(async () => {
    fixture = await conversationsFixture({ rows: 2_500, shards: 2, seed: 3, shape: 'wildchat' });
    all = (await fixture.run({
      sql: 'SELECT * FROM conversations ORDER BY row',
      params: [],
    })) as Row[];
  });
  afterAll(() => fixture.cleanup());

  it('counts every conversation', async () => {
    expect(await fixture.run(buildCountQuery())).toEqual([{ n: 2_500 }]);
  });

  it('lists a window under a country filter in row order, and finds a row’s position', async () => {
    const expected = all.filter((r) => matchesAll(r, filters)).map((r) => r.row);
    expect(expected.length).toBeGreaterThan(50);
    const where = buildFilterWhere(filters);
    const window = await fixture.run(
      buildConversationWindowQuery({
        sort: { key: 'row', direction: 'asc' },
        offset: 10,
        limit: 20,
        where,
      }),
    );
    expect(window.map((r) => Number(r.row))).toEqual(expected.slice(10, 30));
    const target = expected[30] as number;
    const [position] = await fixture.run(
      buildListPositionQuery({
        sort: { key: 'row', direction: 'asc' },
        target: { row: target, key: target },
        where,
      }),
    );
    expect(position).toEqual({ position: 30, included: 1 });
  });

  it('resolves a conversation_hash (whole and by prefix) to its summary with country and toxic', async () => {
    const source = all.find((r) => r.country !== null && r.state !== null)!;
    const id = source.conversation_id as string;
    const lookup = await fixture.run(buildConversationLookupQuery({ text: id.slice(0, 12) }));
    expect(resolveConversationLookup(lookup)).toEqual({ kind: 'found', id });
    const [summary] = await fixture.run(buildConversationSummaryQuery(id));
    expect(summary).toMatchObject({
      conversation_id: id,
      country: source.country,
      state: source.state,
      toxic: source.toxic,
      redacted: source.redacted,
      shard: source.shard,
      shard_row: source.shard_row,
    });
  });

  it('charts what a brute-force count over the filtered rows gives', async () => {
    const data = parseChartRows(
      await fixture.run(buildChartsQuery(filters, { scoreCategory: 'harassment' })),
      'harassment',
    );
    expect({
      ...data,
      turns: data.turns.map((t) => t.count),
      scores: data.scores.map((s) => s.count),
    }).toEqual(bruteForceCharts(all, filters, 'harassment'));
  });
});
