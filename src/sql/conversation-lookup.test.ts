import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS } from '../model/testing/brute-force-counts';
import { buildConversationLookupQuery, resolveConversationLookup } from './conversation-lookup';
import { conversationsFixture } from './testing/conversations-fixture';

describe('conversation lookup', () => {
  let fixture: Awaited<ReturnType<typeof conversationsFixture>>;
  let generatedIds: string[];
  const lookup = async (text: string) =>
    resolveConversationLookup(await fixture.run(buildConversationLookupQuery({ text })));
  const rowCount = async () =>
    fixture.run({ sql: 'SELECT count(*)::INTEGER AS n FROM conversations', params: [] });
  const addId = (id: string) =>
    fixture.run({
      sql: 'INSERT INTO conversations (row, conversation_id) VALUES ((SELECT max(row) + 1 FROM conversations), ?)',
      params: [id],
    });

  // Ids that share prefixes, and ids made of the characters SQL and LIKE treat specially.
  const ADDED = [
    'shared-prefix-1',
    'shared-prefix-2',
    'exact00',
    'exact00-and-more',
    'sqlmark%_wild',
    'sqlmarkXYwild',
    ...HOSTILE_STRINGS,
  ];

  beforeAll(async () => {
    fixture = await conversationsFixture({ rows: 2_000, shards: 2, seed: 11 });
    generatedIds = (
      await fixture.run({
        sql: 'SELECT conversation_id FROM conversations ORDER BY row LIMIT 3',
        params: [],
      })
    ).map((r) => r.conversation_id as string);
    for (const id of ADDED) await addId(id);
  });
  afterAll(() => fixture.cleanup());

  it('finds a conversation by its full id', async () => {
    for (const id of generatedIds) expect(await lookup(id)).toEqual({ kind: 'found', id });
  });

  it('finds a conversation by the 8-character short id the list shows', async () => {
    const id = generatedIds[0]!;
    expect(await lookup(id.slice(0, 8))).toEqual({ kind: 'found', id });
  });

  it('needs at least 6 characters for a prefix', async () => {
    const id = generatedIds[1]!;
    expect(await lookup(id.slice(0, 6))).toEqual({ kind: 'found', id });
    expect(await lookup(id.slice(0, 5))).toEqual({ kind: 'not-found' });
    expect(await lookup('')).toEqual({ kind: 'not-found' });
  });

  it('reports a prefix that several ids share as ambiguous', async () => {
    expect(await lookup('shared-prefix')).toEqual({
      kind: 'ambiguous',
      examples: ['shared-prefix-1', 'shared-prefix-2'],
    });
  });

  it('prefers an exact id over longer ids it is a prefix of', async () => {
    expect(await lookup('exact00')).toEqual({ kind: 'found', id: 'exact00' });
    expect(await lookup('exact00-')).toEqual({ kind: 'found', id: 'exact00-and-more' });
  });

  it('reports an id that matches nothing', async () => {
    expect(await lookup('0123456789abcdef-not-an-id')).toEqual({ kind: 'not-found' });
  });

  it('treats % and _ in a prefix literally, not as wildcards', async () => {
    expect(await lookup('sqlmark%_')).toEqual({ kind: 'found', id: 'sqlmark%_wild' });
    expect(await lookup('sqlmark__')).toEqual({ kind: 'not-found' });
    expect(await lookup('sqlmark%')).toEqual({ kind: 'found', id: 'sqlmark%_wild' });
  });

  it.each(HOSTILE_STRINGS)('finds the id %s exactly and changes nothing', async (id) => {
    const before = await rowCount();
    expect(await lookup(id)).toEqual({ kind: 'found', id });
    expect(await lookup(`${id}Ω`)).toEqual({ kind: 'not-found' });
    const prefix = Array.from(id).slice(0, -1).join('');
    if (prefix.length >= 6) expect(await lookup(prefix)).toEqual({ kind: 'found', id });
    expect(await rowCount()).toEqual(before);
  });

  it('is one statement with a parameter for every placeholder', async () => {
    for (const text of ['abc', 'abcdef12']) {
      const query = buildConversationLookupQuery({ text });
      const statements = await fixture.conn.extractStatements(query.sql);
      expect(statements.count).toBe(1);
      expect((await statements.prepare(0)).parameterCount).toBe(query.params.length);
    }
  });
});
