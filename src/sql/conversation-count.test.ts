import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCountQuery } from './conversation-count';
import { conversationsFixture } from './testing/conversations-fixture';

let fixture: Awaited<ReturnType<typeof conversationsFixture>>;
beforeAll(async () => {
  fixture = await conversationsFixture({ rows: 2_500, shards: 3, seed: 21 });
});
afterAll(() => fixture.cleanup());

it('counts every conversation of every shard', async () => {
  expect(await fixture.run(buildCountQuery())).toEqual([{ n: 2_500 }]);
});
