import { afterAll, beforeAll, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../model/filters';
import {
  buildExportShardCountsQuery,
  buildExportShardRowsQuery,
  buildExportTablePageQuery,
} from './export';
import { conversationsFixture } from './testing/conversations-fixture';

let fixture: Awaited<ReturnType<typeof conversationsFixture>>;
beforeAll(async () => {
  fixture = await conversationsFixture({ rows: 1_500, shards: 2, seed: 7 });
});
afterAll(() => fixture.cleanup());

const flagged = { ...EMPTY_FILTERS, flagged: 'any' as const };

it('counts the selection per shard', async () => {
  const rows = await fixture.run(buildExportShardCountsQuery(flagged));
  const expected = await fixture.run({
    sql: `SELECT shard, count(*)::INTEGER AS n FROM conversations WHERE flagged IS TRUE
          GROUP BY shard ORDER BY shard`,
    params: [],
  });
  expect(rows.length).toBe(2);
  expect(rows).toEqual(expected);
});

it("lists one shard's selected rows in ascending order", async () => {
  const rows = await fixture.run(buildExportShardRowsQuery(flagged, 1));
  const expected = await fixture.run({
    sql: `SELECT shard_row FROM conversations WHERE shard = 1 AND flagged IS TRUE
          ORDER BY shard_row`,
    params: [],
  });
  expect(rows.length).toBeGreaterThan(10);
  expect(rows).toEqual(expected);
});

it('pages through the selection by row: the pages together are the selection, once each', async () => {
  const pages: unknown[][] = [];
  let after = -1;
  for (;;) {
    const page = await fixture.run(buildExportTablePageQuery(flagged, after, 100));
    if (page.length === 0) break;
    pages.push(page);
    after = Number(page[page.length - 1]!.row);
  }
  const all = await fixture.run({
    sql: `SELECT * FROM conversations WHERE flagged IS TRUE ORDER BY "row"`,
    params: [],
  });
  expect(pages.length).toBe(Math.ceil(all.length / 100));
  expect(pages.flat()).toEqual(all);
});
