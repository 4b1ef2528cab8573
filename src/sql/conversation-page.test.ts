import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConversationPageQuery, buildCountQuery } from './conversation-page';
import { conversationsFixture } from './testing/conversations-fixture';

describe('conversation page and count builders', () => {
  let fixture: Awaited<ReturnType<typeof conversationsFixture>>;
  beforeAll(async () => {
    fixture = await conversationsFixture({ rows: 2_500, shards: 3, seed: 21 });
  });
  afterAll(() => fixture.cleanup());

  it('counts every conversation', async () => {
    expect(await fixture.run(buildCountQuery())).toEqual([{ n: 2_500 }]);
  });

  it('pages through the natural order without gaps or repeats', async () => {
    const seen: number[] = [];
    for (let offset = 0; offset < 2_500; offset += 700) {
      const page = await fixture.run(buildConversationPageQuery({ limit: 700, offset }));
      seen.push(...page.map((r) => r.row as number));
    }
    expect(seen).toEqual(Array.from({ length: 2_500 }, (_, i) => i));
  });

  it('returns the summary columns of the right conversation', async () => {
    const [row] = await fixture.run(buildConversationPageQuery({ limit: 1, offset: 1_234 }));
    const [expected] = await fixture.run({
      sql: 'SELECT conversation_id, model, language, turn, flagged, max_score FROM conversations WHERE row = 1234',
      params: [],
    });
    expect(row).toEqual({ row: 1_234, ...expected });
  });

  it('rejects limits and offsets that are not non-negative integers', () => {
    expect(() => buildConversationPageQuery({ limit: -1, offset: 0 })).toThrow();
    expect(() => buildConversationPageQuery({ limit: 10, offset: 1.5 })).toThrow();
  });
});
