import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildConversationSummaryQuery,
  buildCreateSharedIds,
  buildRowSummaryQuery,
} from './conversation-summary';
import { CONVERSATION_COLUMNS } from './conversations-table';
import { conversationsFixture } from './testing/conversations-fixture';

let fixture: Awaited<ReturnType<typeof conversationsFixture>>;
/** Row 901's id, given to two more rows appended at the end with other models. */
let sharedId: string;
beforeAll(async () => {
  fixture = await conversationsFixture({ rows: 1_200, shards: 2, seed: 5 });
  const [source] = await fixture.run({
    sql: 'SELECT conversation_id FROM conversations WHERE row = 901',
    params: [],
  });
  sharedId = source!.conversation_id as string;
  for (const [row, model] of [
    [1_200, 'second-copy'],
    [1_201, 'third-copy'],
  ] as const) {
    await fixture.run({
      sql: `INSERT INTO conversations SELECT * REPLACE (?::BIGINT AS row, ?::VARCHAR AS model)
            FROM conversations WHERE row = 40`,
      params: [row, model],
    });
    await fixture.run({
      sql: 'UPDATE conversations SET conversation_id = ? WHERE row = ?',
      params: [sharedId, row],
    });
  }
});
afterAll(() => fixture.cleanup());

/** Native DuckDB's rows for an id in natural order, as the builder returns them. */
const nativeRowsOf = (id: string) =>
  fixture.run({
    sql: `SELECT * EXCLUDE (row), row::DOUBLE AS row FROM conversations
          WHERE conversation_id = ? ORDER BY row`,
    params: [id],
  });

it('returns every column of the conversation with that id, the only one with it', async () => {
  const [expected] = await fixture.run({
    sql: 'SELECT * EXCLUDE (row), row::DOUBLE AS row FROM conversations WHERE row = 77',
    params: [],
  });
  const [row] = await fixture.run(
    buildConversationSummaryQuery(expected!.conversation_id as string),
  );
  expect(row).toEqual({ ...expected, occurrence: 1, id_rows: 1 });
  expect(Object.keys(row!)).toEqual([
    ...CONVERSATION_COLUMNS.map((c) => c.name),
    'occurrence',
    'id_rows',
  ]);
});

describe('an id that several rows share', () => {
  it('returns the n-th of them in natural order, and how many there are', async () => {
    const expected = await nativeRowsOf(sharedId);
    expect(expected.map((r) => r.row)).toEqual([901, 1_200, 1_201]);
    for (const [i, native] of expected.entries()) {
      const rows = await fixture.run(
        buildConversationSummaryQuery(sharedId, { occurrence: i + 1 }),
      );
      expect(rows).toEqual([{ ...native, occurrence: i + 1, id_rows: 3 }]);
    }
    const [first] = await fixture.run(buildConversationSummaryQuery(sharedId));
    expect(first).toMatchObject({ row: 901, occurrence: 1, id_rows: 3 });
  });

  it('returns the row at an ordinal with its occurrence', async () => {
    const rows = await fixture.run(buildConversationSummaryQuery(sharedId, { row: 1_200 }));
    expect(rows).toEqual([{ ...(await nativeRowsOf(sharedId))[1], occurrence: 2, id_rows: 3 }]);
    expect(rows[0]!.model).toBe('second-copy');
  });

  it('finds nothing past the last occurrence, or at an ordinal of another id', async () => {
    expect(await fixture.run(buildConversationSummaryQuery(sharedId, { occurrence: 4 }))).toEqual(
      [],
    );
    expect(await fixture.run(buildConversationSummaryQuery(sharedId, { occurrence: 0 }))).toEqual(
      [],
    );
    expect(await fixture.run(buildConversationSummaryQuery(sharedId, { row: 902 }))).toEqual([]);
  });
});

it('finds nothing for ids that are not in the dataset, whatever they contain', async () => {
  for (const id of ["' OR 1=1 --", '%', '_', 'a\\b', 'ünïcödé', '']) {
    expect(await fixture.run(buildConversationSummaryQuery(id))).toEqual([]);
    expect(await fixture.run(buildConversationSummaryQuery(id, { row: 901 }))).toEqual([]);
  }
});

describe('a row looked up through shared_ids', () => {
  beforeAll(() => fixture.run({ sql: buildCreateSharedIds(), params: [] }));

  it('holds exactly the ids more than one row has, with their rows in natural order', async () => {
    const shared = await fixture.run({
      sql: 'SELECT conversation_id, rows::DOUBLE[] AS rows FROM shared_ids',
      params: [],
    });
    expect(shared).toEqual([{ conversation_id: sharedId, rows: [901, 1_200, 1_201] }]);
  });

  it('returns what the lookup by id returns, for rows all over the dataset and every shared one', async () => {
    // Every 29th row (both shards, every row group) and the three rows with the shared id.
    const picked = await fixture.run({
      sql: `SELECT row::DOUBLE AS row, conversation_id FROM conversations
            WHERE row % 29 = 0 OR conversation_id = ? ORDER BY row`,
      params: [sharedId],
    });
    expect(picked.length).toBeGreaterThan(40);
    for (const target of picked as { row: number; conversation_id: string }[]) {
      const byId = await fixture.run(buildConversationSummaryQuery(target.conversation_id, target));
      expect(await fixture.run(buildRowSummaryQuery(target))).toEqual(byId);
      expect(byId).toHaveLength(1);
    }
  });

  it('finds nothing when the row does not have that id, whatever the id contains', async () => {
    expect(
      await fixture.run(buildRowSummaryQuery({ row: 902, conversation_id: sharedId })),
    ).toEqual([]);
    for (const id of ["' OR 1=1 --", '%', '', 'ünïcödé'])
      expect(await fixture.run(buildRowSummaryQuery({ row: 901, conversation_id: id }))).toEqual(
        [],
      );
  });
});

it('is one statement with a parameter for every placeholder', async () => {
  const rowQuery = buildRowSummaryQuery({ row: 5, conversation_id: 'abc' });
  for (const query of [
    rowQuery,
    ...[{ occurrence: 2 }, { row: 5 }].map((pick) => buildConversationSummaryQuery('abc', pick)),
  ]) {
    const statements = await fixture.conn.extractStatements(query.sql);
    expect(statements.count).toBe(1);
    expect((await statements.prepare(0)).parameterCount).toBe(query.params.length);
  }
});
