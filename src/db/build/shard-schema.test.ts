import { mkdtempSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { Bool, DataType, Field, Float64, Int64, List, Schema, Struct, Utf8 } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../testing/scripts';
import { CATEGORIES } from '../../model/moderation';
import { quoteString } from '../../sql/quote';
import { checkShardSchema, checkShardSet, type InspectedShard } from './shard-schema';
import { checkNodeShard, nativeConnection, openNodeShard } from '../testing/node-shards';

const struct = (fields: Field[]) => new Struct(fields);
const moderationType = (scoreType: DataType = new Float64()) =>
  new List(
    new Field(
      'element',
      struct([
        new Field('categories', struct(CATEGORIES.map((c) => new Field(c.name, new Bool())))),
        new Field('category_scores', struct(CATEGORIES.map((c) => new Field(c.name, scoreType)))),
        new Field('flagged', new Bool()),
      ]),
    ),
  );
const lmsysFields = () => [
  new Field('conversation_id', new Utf8()),
  new Field('model', new Utf8()),
  new Field(
    'conversation',
    new List(
      new Field('item', struct([new Field('content', new Utf8()), new Field('role', new Utf8())])),
    ),
  ),
  new Field('turn', new Int64()),
  new Field('language', new Utf8()),
  new Field('openai_moderation', moderationType()),
];
/** Leaf paths as an older pyarrow names them (`list.item`), to check we never assume a writer. */
const leafPaths = [
  ['conversation_id'],
  ['model'],
  ['conversation', 'list', 'item', 'content'],
  ['conversation', 'list', 'item', 'role'],
  ['turn'],
  ['language'],
  ...CATEGORIES.map((c) => ['openai_moderation', 'list', 'item', 'categories', c.name]),
  ...CATEGORIES.map((c) => ['openai_moderation', 'list', 'item', 'category_scores', c.name]),
  ['openai_moderation', 'list', 'item', 'flagged'],
];

describe('checkShardSchema', () => {
  it('resolves leaves whatever the writer called the list levels, and never reads the text', () => {
    const result = checkShardSchema('a.parquet', new Schema(lmsysFields()), leafPaths);
    if (!('columns' in result)) throw new Error(JSON.stringify(result.problem));
    expect(result.columns.hasRedacted).toBe(false);
    expect(result.columns.metadataLeaves).toContain('conversation.list.item.role');
    expect(result.columns.metadataLeaves).toContain(
      'openai_moderation.list.item.category_scores.self-harm/intent',
    );
    expect(result.columns.metadataLeaves.some((l) => l.endsWith('content'))).toBe(false);
    expect(result.columns.conversationLeaves).toContain('conversation.list.item.content');
  });

  it.each(['conversation_id', 'model', 'conversation', 'turn', 'language', 'openai_moderation'])(
    'names the file and the column when %s is missing',
    (name) => {
      const fields = lmsysFields().filter((f) => f.name !== name);
      const result = checkShardSchema('b.parquet', new Schema(fields), leafPaths);
      expect(result).toMatchObject({
        problem: { file: 'b.parquet', column: name, message: 'is missing' },
      });
      if ('problem' in result) expect(result.problem.expected).toBeTruthy();
    },
  );

  it('says what was expected and found for a wrong type', () => {
    const fields = lmsysFields().map((f) =>
      f.name === 'turn' ? new Field('turn', new Utf8()) : f,
    );
    expect(checkShardSchema('c.parquet', new Schema(fields), leafPaths)).toEqual({
      problem: {
        file: 'c.parquet',
        column: 'turn',
        message: 'has the wrong type',
        expected: 'integer',
        found: 'Utf8',
      },
    });
  });

  it('names a missing moderation category by its slashed name', () => {
    const fields = lmsysFields().map((f) =>
      f.name === 'openai_moderation'
        ? new Field('openai_moderation', moderationType(new Utf8()))
        : f,
    );
    const result = checkShardSchema('d.parquet', new Schema(fields), leafPaths);
    expect(result).toMatchObject({
      problem: {
        column: 'openai_moderation.category_scores.harassment',
        expected: 'float',
        found: 'Utf8',
      },
    });
  });
});

describe('checkShardSchema on real files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-schema-'));
    // Schemas only: the message text (nearly all of the generation) does not change them.
    await generateDataset({ rows: 300, shards: 1, seed: 3, outDir: dir, text: false });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts extra columns and uses redacted when present', async () => {
    const conn = await nativeConnection();
    const withExtra = join(dir, 'extra.parquet');
    await conn.run(
      `COPY (SELECT *, 42 AS unknown_extra, 'x' AS state FROM read_parquet(${quoteString(join(dir, 'train-00000-of-00001.parquet'))}))
       TO ${quoteString(withExtra)} (FORMAT parquet)`,
    );
    const shard = await openNodeShard(withExtra);
    expect(shard.columns.hasRedacted).toBe(true);
    expect(shard.columns.metadataLeaves).toContain('redacted');
    expect(shard.columns.metadataLeaves).not.toContain('unknown_extra');
  });
});

/**
 * Bad files made here with native DuckDB from a generated shard of each layout, checked the way the
 * app checks them: one file at a time, then the set.
 */
describe('validation of generated bad files', () => {
  let dir: string;
  let lmsys: string;
  let wild: string;
  let conn: Awaited<ReturnType<typeof nativeConnection>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-bad-'));
    // Schemas only: the message text (nearly all of the generation) does not change them.
    lmsys = (
      await generateDataset({ rows: 200, shards: 1, seed: 5, outDir: join(dir, 'lm'), text: false })
    ).files[0]!.path;
    wild = (
      await generateDataset({
        rows: 200,
        shards: 1,
        seed: 5,
        outDir: join(dir, 'wild'),
        shape: 'wildchat',
        text: false,
      })
    ).files[0]!.path;
    conn = await nativeConnection();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes `select` (over the shard as `src`) to a file named `name`. */
  const write = async (name: string, from: string, select: string) => {
    const path = join(dir, name);
    await conn.run(
      `COPY (${select.replace('src', `read_parquet(${quoteString(from)})`)}) TO ${quoteString(path)} (FORMAT parquet)`,
    );
    return path;
  };
  const inspect = async (path: string): Promise<InspectedShard> => {
    const checked = await checkNodeShard(path);
    if ('problem' in checked) throw new Error(JSON.stringify(checked.problem));
    return { name: basename(path), rows: checked.shard.rows, columns: checked.shard.columns };
  };

  it('detects the WildChat-1M layout and its optional columns', async () => {
    const shard = await inspect(wild);
    expect(shard.columns.shape).toBe('wildchat');
    expect(shard.columns.metadataLeaves[0]).toBe('conversation_hash');
    expect(shard.columns.metadataLeaves).toEqual(
      expect.arrayContaining(['toxic', 'country', 'state', 'redacted']),
    );
    expect((await inspect(lmsys)).columns).toMatchObject({
      shape: 'lmsys',
      present: { redacted: true, toxic: false, country: false, state: false },
    });
  });

  it('names the file, column, expected and found type for a WildChat id of the wrong type', async () => {
    const path = await write(
      'wild-int-hash.parquet',
      wild,
      'SELECT * REPLACE (hash(conversation_hash) AS conversation_hash) FROM src',
    );
    expect(await checkNodeShard(path)).toEqual({
      problem: {
        file: 'wild-int-hash.parquet',
        column: 'conversation_hash',
        message: 'has the wrong type',
        expected: 'string',
        found: 'Uint64',
      },
    });
  });

  it('names a required column missing from a WildChat-shaped file', async () => {
    const path = await write('wild-no-turn.parquet', wild, 'SELECT * EXCLUDE (turn) FROM src');
    expect(await checkNodeShard(path)).toMatchObject({
      problem: { file: 'wild-no-turn.parquet', column: 'turn', message: 'is missing' },
    });
  });

  it('ignores an optional column of the wrong type instead of misreading it', async () => {
    const path = await write(
      'wild-int-country.parquet',
      wild,
      'SELECT * REPLACE (length(country) AS country) FROM src',
    );
    const shard = await inspect(path);
    expect(shard.columns.present.country).toBe(false);
    expect(shard.columns.metadataLeaves).not.toContain('country');
  });

  it('names every file with zero rows', async () => {
    const empty = await write('empty.parquet', lmsys, 'SELECT * FROM src LIMIT 0');
    const alsoEmpty = await write('also-empty.parquet', lmsys, 'SELECT * FROM src WHERE false');
    const shards = [await inspect(lmsys), await inspect(empty), await inspect(alsoEmpty)];
    expect(checkShardSet(shards)).toEqual({
      file: 'empty.parquet, also-empty.parquet',
      message: 'contain no rows',
    });
    expect(checkShardSet([shards[1]!])).toEqual({
      file: 'empty.parquet',
      message: 'contains no rows',
    });
  });

  it('names both files and the differing column when shards differ', async () => {
    const a = await inspect(lmsys);
    const wildShard = await inspect(wild);
    expect(checkShardSet([a, wildShard])).toMatchObject({
      file: basename(wild),
      column: 'conversation_id',
      message: expect.stringContaining(basename(lmsys)) as string,
    });
    const retyped = await inspect(
      await write('turn-int32.parquet', lmsys, 'SELECT * REPLACE (turn::INTEGER AS turn) FROM src'),
    );
    expect(checkShardSet([a, retyped])).toEqual({
      file: 'turn-int32.parquet',
      column: 'turn',
      message: `has a different type than in ${basename(lmsys)} (shards with different schemas)`,
      expected: `Int64 as in ${basename(lmsys)}`,
      found: 'Int32',
    });
    const extra = await inspect(
      await write('extra.parquet', lmsys, "SELECT *, 'x' AS country FROM src"),
    );
    expect(checkShardSet([a, extra])).toMatchObject({
      file: 'extra.parquet',
      column: 'country',
      message: `is in this file but not in ${basename(lmsys)} (shards with different schemas)`,
    });
    expect(checkShardSet([a, await inspect(lmsys)])).toBeUndefined();
  });
});
