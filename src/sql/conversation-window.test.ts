import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LIST_COLUMNS,
  buildConversationWindowQuery,
  buildListPositionQuery,
  type ListPosition,
} from './conversation-window';
import { SORT_KEYS, type ConversationSort, type SortKey } from '../model/sorts';
import type { SqlValue } from '../model/row';
import { conversationsFixture } from './testing/conversations-fixture';

const ROWS = 2_500;

/** The order the list promises: the key (NULLs last either way), then `row` ascending. */
function referenceOrder(rows: { row: number; key: SqlValue }[], sort: ConversationSort) {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows]
    .sort((a, b) => {
      if (sort.key === 'row') return sign * (a.row - b.row);
      if (a.key !== b.key) {
        if (a.key === null) return 1;
        if (b.key === null) return -1;
        return sign * ((a.key as number | string) < (b.key as number | string) ? -1 : 1);
      }
      return a.row - b.row;
    })
    .map((r) => r.row);
}

describe('conversation window builder', () => {
  let fixture: Awaited<ReturnType<typeof conversationsFixture>>;
  beforeAll(async () => {
    fixture = await conversationsFixture({ rows: ROWS, shards: 3, seed: 33 });
  });
  afterAll(() => fixture.cleanup());

  async function readAll(sort: ConversationSort, limit: number) {
    const seen: number[] = [];
    for (let offset = 0; offset < ROWS + limit; offset += limit) {
      const window = await fixture.run(buildConversationWindowQuery({ sort, offset, limit }));
      expect(window.length).toBe(Math.max(0, Math.min(limit, ROWS - offset)));
      seen.push(...window.map((r) => r.row as number));
    }
    return seen;
  }

  const at = (row: Record<string, unknown>, sort: ConversationSort): ListPosition => ({
    row: row.row as number,
    key: (row[sort.key] ?? null) as SqlValue,
  });

  /** The same windows found by seeking from a neighbour: forwards from the start, backwards from the end. */
  async function readAnchored(sort: ConversationSort, limit: number) {
    const forwards: number[][] = [];
    let window = await fixture.run(buildConversationWindowQuery({ sort, offset: 0, limit }));
    while (window.length > 0) {
      forwards.push(window.map((r) => r.row as number));
      const after = at(window[window.length - 1]!, sort);
      window = await fixture.run(
        buildConversationWindowQuery({ sort, offset: 0, limit, anchor: { after } }),
      );
    }
    const backwards: number[][] = [];
    const lastOffset = Math.floor((ROWS - 1) / limit) * limit;
    window = await fixture.run(buildConversationWindowQuery({ sort, offset: lastOffset, limit }));
    while (window.length > 0) {
      backwards.unshift(window.map((r) => r.row as number));
      const before = at(window[0]!, sort);
      window = await fixture.run(
        buildConversationWindowQuery({ sort, offset: 0, limit, anchor: { before } }),
      );
    }
    return { forwards, backwards };
  }

  async function expectSeeksMatchOffsets(sort: ConversationSort, limit: number) {
    const seen = await readAll(sort, limit);
    const windows = Array.from({ length: Math.ceil(ROWS / limit) }, (_, i) =>
      seen.slice(i * limit, (i + 1) * limit),
    );
    const { forwards, backwards } = await readAnchored(sort, limit);
    expect(forwards).toEqual(windows);
    expect(backwards).toEqual(windows);
  }

  it('lists the natural order in windows, forwards and backwards', async () => {
    const all = Array.from({ length: ROWS }, (_, i) => i);
    expect(await readAll({ key: 'row', direction: 'asc' }, 700)).toEqual(all);
    expect(await readAll({ key: 'row', direction: 'desc' }, 700)).toEqual(all.reverse());
    await expectSeeksMatchOffsets({ key: 'row', direction: 'asc' }, 700);
    await expectSeeksMatchOffsets({ key: 'row', direction: 'desc' }, 700);
  });

  it.each(
    SORT_KEYS.filter((k) => k !== 'row').flatMap((key: SortKey) => [
      { key, direction: 'asc' as const },
      { key, direction: 'desc' as const },
    ]),
  )('covers every row exactly once sorted by $key $direction, ties by row', async (sort) => {
    const keys = await fixture.run({
      sql: `SELECT row, ${sort.key} AS key FROM conversations`,
      params: [],
    });
    const seen = await readAll(sort, 300);
    expect(new Set(seen).size).toBe(ROWS);
    expect(seen).toEqual(referenceOrder(keys as { row: number; key: SqlValue }[], sort));
    await expectSeeksMatchOffsets(sort, 300);
    // Ties are what the `row` tiebreak is for: the generated scores have none (see the last test).
    if (sort.key !== 'max_score') expect(new Set(keys.map((k) => k.key)).size).toBeLessThan(ROWS);
  });

  it('returns the summary, the locator, the role flags and the 11 categories of each row', async () => {
    const [row] = await fixture.run(
      buildConversationWindowQuery({
        sort: { key: 'row', direction: 'asc' },
        offset: 1_777,
        limit: 1,
      }),
    );
    const columns = LIST_COLUMNS;
    const [expected] = await fixture.run({
      sql: `SELECT ${columns.join(', ')} FROM conversations WHERE row = 1777`,
      params: [],
    });
    expect(row).toEqual({ row: 1_777, ...expected });
  });

  it('splices a filter fragment and its parameters before the window', async () => {
    const [first] = await fixture.run(
      buildConversationWindowQuery({ sort: { key: 'row', direction: 'asc' }, offset: 0, limit: 1 }),
    );
    const model = first!.model as string;
    const where = { sql: 'model = ? OR turn > ?', params: [model, 3] };
    const [{ n }] = (await fixture.run({
      sql: `SELECT count(*) AS n FROM conversations WHERE ${where.sql}`,
      params: where.params,
    })) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(ROWS);
    const rows = await fixture.run(
      buildConversationWindowQuery({
        sort: { key: 'turn', direction: 'desc' },
        offset: 0,
        limit: ROWS,
        where,
      }),
    );
    expect(rows).toHaveLength(n);
    expect(rows.every((r) => r.model === model || (r.turn as number) > 3)).toBe(true);
  });

  it('refuses sort columns outside the closed list and bad windows', () => {
    const window = { offset: 0, limit: 10 };
    expect(() =>
      buildConversationWindowQuery({
        ...window,
        sort: { key: 'row; DROP TABLE conversations' as SortKey, direction: 'asc' },
      }),
    ).toThrow();
    expect(() =>
      buildConversationWindowQuery({
        ...window,
        sort: { key: 'turn', direction: 'sideways' as 'asc' },
      }),
    ).toThrow();
    const sort: ConversationSort = { key: 'row', direction: 'asc' };
    expect(() => buildConversationWindowQuery({ sort, offset: -1, limit: 10 })).toThrow();
    expect(() => buildConversationWindowQuery({ sort, offset: 0, limit: 2.5 })).toThrow();
  });

  it.each([
    ...SORT_KEYS.flatMap((key: SortKey) => [
      { key, direction: 'asc' as const },
      { key, direction: 'desc' as const },
    ]),
  ])('finds where a conversation stands in the list sorted by $key $direction', async (sort) => {
    const where = { sql: 'turn <= ? AND model <> ?', params: [2, "it's"] };
    const keys = (await fixture.run({
      sql: `SELECT row, ${sort.key} AS key, turn <= 2 AS included FROM conversations`,
      params: [],
    })) as { row: number; key: SqlValue; included: boolean }[];
    const order = referenceOrder(
      keys.filter((k) => k.included),
      sort,
    );
    for (const target of keys.filter((_, i) => i % 97 === 3)) {
      const position = { row: target.row, key: target.key };
      const [unfiltered] = await fixture.run(buildListPositionQuery({ sort, target: position }));
      expect(unfiltered).toEqual({
        position: referenceOrder(keys, sort).indexOf(target.row),
        included: 1,
      });
      const [filtered] = await fixture.run(
        buildListPositionQuery({ sort, target: position, where }),
      );
      expect(filtered!.included).toBe(target.included ? 1 : 0);
      if (target.included) expect(filtered!.position).toBe(order.indexOf(target.row));
    }
  });

  // Runs last: it rewrites scores to make ties and conversations without moderation data.
  it('breaks score ties by row and puts missing scores last in both directions', async () => {
    await fixture.run({
      sql: `UPDATE conversations SET max_score = CASE WHEN row % 7 = 0 THEN NULL
              WHEN row % 5 = 0 THEN 0.5 ELSE max_score END`,
      params: [],
    });
    const keys = (await fixture.run({
      sql: 'SELECT row, max_score AS key FROM conversations',
      params: [],
    })) as { row: number; key: SqlValue }[];
    for (const direction of ['asc', 'desc'] as const) {
      const sort: ConversationSort = { key: 'max_score', direction };
      const seen = await readAll(sort, 300);
      expect(seen).toEqual(referenceOrder(keys, sort));
      const nulls = keys.filter((k) => k.key === null).length;
      expect(nulls).toBeGreaterThan(300);
      expect(seen.slice(-nulls).every((row) => row % 7 === 0)).toBe(true);
      // Windows that start or end among the NULLs and among the ties seek like the rest.
      await expectSeeksMatchOffsets(sort, 150);
    }
  });
});
