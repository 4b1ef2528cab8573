import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCreateConversationsTable, CONVERSATION_COLUMNS } from './conversations-table';
import { conversationsFixture } from './testing/conversations-fixture';

let fixture: Awaited<ReturnType<typeof conversationsFixture>>;
beforeAll(async () => {
  fixture = await conversationsFixture({ rows: 300, shards: 1, seed: 2 });
});
afterAll(() => fixture.cleanup());

it('creates the table the browser fills, with the native build’s exact columns and types', async () => {
  await fixture.conn.run(buildCreateConversationsTable('conversations_next'));
  // The browser appends by position: the native rows must fit without a cast.
  await fixture.conn.run('INSERT INTO conversations_next SELECT * FROM conversations');
  const describe = async (table: string) =>
    (await fixture.run({ sql: `DESCRIBE ${table}`, params: [] })).map((r) => [
      r.column_name,
      r.column_type,
    ]);
  const created = await describe('conversations_next');
  expect(created).toEqual(CONVERSATION_COLUMNS.map((c) => [c.name, c.type]));
  expect(await describe('conversations')).toEqual(created);
  expect(
    await fixture.run({ sql: 'SELECT count(*) AS n FROM conversations_next', params: [] }),
  ).toEqual([{ n: 300 }]);
});
