import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildConversationSummaryQuery } from './conversation-summary';
import { CONVERSATION_COLUMNS } from './conversations-table';
import { conversationsFixture } from './testing/conversations-fixture';

let fixture: Awaited<ReturnType<typeof conversationsFixture>>;
beforeAll(async () => {
  fixture = await conversationsFixture({ rows: 1_200, shards: 2, seed: 5 });
});
afterAll(() => fixture.cleanup());

it('returns every column of the conversation with that id', async () => {
  const [expected] = await fixture.run({
    sql: 'SELECT * EXCLUDE (row), row::DOUBLE AS row FROM conversations WHERE row = 901',
    params: [],
  });
  const [row] = await fixture.run(
    buildConversationSummaryQuery(expected!.conversation_id as string),
  );
  expect(row).toEqual(expected);
  expect(Object.keys(row!)).toEqual(CONVERSATION_COLUMNS.map((c) => c.name));
});

it('finds nothing for ids that are not in the dataset, whatever they contain', async () => {
  for (const id of ["' OR 1=1 --", '%', '_', 'a\\b', 'ünïcödé', '']) {
    expect(await fixture.run(buildConversationSummaryQuery(id))).toEqual([]);
  }
});
