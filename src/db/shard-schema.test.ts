import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bool, DataType, Field, Float64, Int64, List, Schema, Struct, Utf8 } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../scripts/generator/generate-dataset';
import { CATEGORIES } from '../sql/moderation';
import { quoteString } from '../sql/quote';
import { checkShardSchema } from './shard-schema';
import { nativeConnection, openNodeShard } from './testing/node-shards';

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
    await generateDataset({ rows: 300, shards: 1, seed: 3, outDir: dir });
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
