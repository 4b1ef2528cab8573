import { afterAll, beforeAll, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../model/filters';
import {
  buildSelectionLocatorsQuery,
  buildCreateMessagesTable,
  buildSwapMessagesTable,
  MESSAGES,
} from './messages-table';
import { conversationsFixture } from './testing/conversations-fixture';

let fixture: Awaited<ReturnType<typeof conversationsFixture>>;
beforeAll(async () => {
  fixture = await conversationsFixture({ rows: 1_500, shards: 2, seed: 4 });
});
afterAll(() => fixture.cleanup());

it('locates the first conversations of the selection in dataset order, up to the limit', async () => {
  const filters = { ...EMPTY_FILTERS, flagged: 'any' as const };
  const rows = await fixture.run(buildSelectionLocatorsQuery(filters, 25));
  const expected = await fixture.run({
    sql: `SELECT "row", conversation_id, shard, shard_row FROM conversations
          WHERE flagged IS TRUE ORDER BY "row" LIMIT 25`,
    params: [],
  });
  expect(rows).toHaveLength(25);
  expect(rows).toEqual(expected);
});

it('swaps a staging table in as messages, replacing an older one', async () => {
  await fixture.conn.run(buildCreateMessagesTable());
  await fixture.conn.run(buildCreateMessagesTable('messages_next'));
  await fixture.conn.run(
    `INSERT INTO messages_next ("row", conversation_id, message_index, role, content) VALUES (3, 'x', 1, 'user', 'hi')`,
  );
  await fixture.conn.run(buildSwapMessagesTable('messages_next'));
  expect(await fixture.run({ sql: `SELECT "row", content FROM ${MESSAGES}`, params: [] })).toEqual([
    { row: 3, content: 'hi' },
  ]);
  expect(
    await fixture.run({
      sql: `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'messages_next'`,
      params: [],
    }),
  ).toEqual([{ n: 0 }]);
});
