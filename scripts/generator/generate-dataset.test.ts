import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/model/moderation';
import { generateDataset } from './generate-dataset';
import { GENERATOR_VERSION, type Manifest } from './manifest';
import { contentDigestSql, num, openTestDb, withoutTextSql } from './test-support';

let root: string;
let db: Awaited<ReturnType<typeof openTestDb>>;

const digest = async (dir: string) => (await db.query(contentDigestSql(`${dir}/*.parquet`)))[0];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gen-test-'));
  db = await openTestDb();
  await generateDataset({
    rows: 10_000,
    shards: 2,
    seed: 1,
    outDir: join(root, 'a'),
    rowGroupSize: 1_000,
  });
});

afterAll(async () => {
  db.close();
  await rm(root, { recursive: true, force: true });
});

describe('schema', () => {
  it('has the published columns, in order, with exact nested types', async () => {
    const rows = await db.query(`DESCRIBE SELECT * FROM '${root}/a/*.parquet'`);
    const bools = CATEGORIES.map((c) => `"${c.name}" BOOLEAN`).join(', ');
    const doubles = CATEGORIES.map((c) => `"${c.name}" DOUBLE`).join(', ');
    const unquote = (type: string) => type.replace(/"(\w+)"/g, '$1');
    expect(rows.map((r) => [r.column_name, r.column_type])).toEqual([
      ['conversation_id', 'VARCHAR'],
      ['model', 'VARCHAR'],
      ['conversation', 'STRUCT("content" VARCHAR, "role" VARCHAR)[]'],
      ['turn', 'BIGINT'],
      ['language', 'VARCHAR'],
      [
        'openai_moderation',
        unquote(
          `STRUCT(categories STRUCT(${bools}), category_scores STRUCT(${doubles}), flagged BOOLEAN)[]`,
        ),
      ],
      ['redacted', 'BOOLEAN'],
    ]);
  });

  it('writes the slashed moderation keys verbatim into the parquet schema', async () => {
    const rows = await db.query(
      `SELECT name FROM parquet_schema('${root}/a/train-00000-of-00002.parquet')`,
    );
    const names = new Set(rows.map((r) => r.name));
    for (const c of CATEGORIES) expect(names.has(c.name), c.name).toBe(true);
  });

  it('uses 32-hex unique conversation ids and all 25 models in 10,000 rows', async () => {
    const [row] = await db.query(`SELECT count(*) AS n, count(DISTINCT conversation_id) AS ids,
        count(*) FILTER (WHERE NOT regexp_full_match(conversation_id, '[0-9a-f]{32}')) AS bad,
        count(DISTINCT model) AS models
      FROM '${root}/a/*.parquet'`);
    expect(row).toEqual({ n: '10000', ids: '10000', bad: '0', models: '25' });
  });
});

describe('files', () => {
  it('names shards like the real ones and writes a matching manifest', async () => {
    const manifest = JSON.parse(
      await readFile(join(root, 'a', 'manifest.json'), 'utf8'),
    ) as Manifest;
    expect(manifest).toMatchObject({ seed: 1, rows: 10_000, rowGroupSize: 1_000 });
    expect(manifest.files.map((f) => [f.name, f.rows])).toEqual([
      ['train-00000-of-00002.parquet', 5_000],
      ['train-00001-of-00002.parquet', 5_000],
    ]);
    const counts = await db.query(`SELECT parse_filename(filename) AS name, count(*) AS n
      FROM read_parquet('${root}/a/*.parquet', filename = true) GROUP BY ALL ORDER BY 1`);
    expect(counts.map((r) => num(r.n))).toEqual([5_000, 5_000]);
    expect(manifest.files.every((f) => f.bytes > 100_000)).toBe(true);
  });

  // Both paths of rowIdsByGroup: a size that is not a multiple of DuckDB's 2,048-row chunk, and one
  // that is (as the compact layout's 10,240 is), over several chunks. Bytes per row do not change
  // with the row count, so small files cut as the large ones do.
  it.each([
    [1_000, 2_500, [1_000, 1_000, 500]],
    [4_096, 5_000, [4_096, 904]],
    // The giant layout: the whole file in one row group.
    [5_000, 5_000, [5_000]],
  ])('writes row groups of %i rows exactly', async (rowGroupSize, rows, expected) => {
    const dir = join(root, `rg-${rowGroupSize}`);
    const compression = rowGroupSize === 1_000 ? 'snappy' : 'zstd';
    await generateDataset({ rows, shards: 1, seed: 5, outDir: dir, rowGroupSize, compression });
    const groups = await db.query(`SELECT DISTINCT row_group_id, row_group_num_rows AS n,
        compression FROM parquet_metadata('${dir}/*.parquet') ORDER BY row_group_id`);
    expect(groups.map((g) => num(g.n))).toEqual(expected);
    expect(groups.map((g) => String(g.compression))).toEqual(
      expected.map(() => compression.toUpperCase()),
    );
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest).toMatchObject({ compression, generator: GENERATOR_VERSION });
  });
});

describe('determinism', () => {
  it('gives identical rows for the same seed and different rows for another seed', async () => {
    await generateDataset({
      rows: 4_000,
      shards: 3,
      seed: 1,
      outDir: join(root, 'b'),
      rowGroupSize: 1_000,
    });
    await generateDataset({
      rows: 1_000,
      shards: 1,
      seed: 2,
      outDir: join(root, 'c'),
      rowGroupSize: 1_000,
    });
    const head = (n: number) =>
      db.query(
        contentDigestSql(
          `${root}/a/*.parquet`,
          `filename LIKE '%00000-of-%' AND file_row_number < ${n}`,
        ),
      );
    const [[a], [a1000]] = [await head(4_000), await head(1_000)];
    const [b, c] = [await digest(join(root, 'b')), await digest(join(root, 'c'))];
    expect(a?.n).toBe('4000');
    expect(b).toEqual(a);
    expect(c?.n).toBe(a1000?.n);
    expect(c?.digest).not.toEqual(a1000?.digest);
  });

  it('keeps row r the same whatever the shard count (shard k row j is a stable locator)', async () => {
    await generateDataset({
      rows: 3_001,
      shards: 1,
      seed: 9,
      outDir: join(root, 'one'),
      rowGroupSize: 700,
    });
    await generateDataset({
      rows: 3_001,
      shards: 3,
      seed: 9,
      outDir: join(root, 'three'),
      rowGroupSize: 700,
    });
    expect(await digest(join(root, 'three'))).toEqual(await digest(join(root, 'one')));
    await generateDataset({
      rows: 1_000,
      shards: 2,
      seed: 9,
      outDir: join(root, 'prefix'),
      rowGroupSize: 700,
    });
    const [head] = await db.query(
      contentDigestSql(`${root}/one/*.parquet`, 'file_row_number < 1000'),
    );
    expect(head).toEqual(await digest(join(root, 'prefix')));
  });

  it('writes the same rows with empty messages when asked for no text', async () => {
    const dir = join(root, 'no-text');
    const { files } = await generateDataset({
      rows: 10_000,
      shards: 2,
      seed: 1,
      outDir: dir,
      rowGroupSize: 1_000,
      text: false,
    });
    expect(files.map((f) => f.rows)).toEqual([5_000, 5_000]);
    const blanked = await db.query(withoutTextSql(`${root}/a/*.parquet`));
    const rows = await db.query(withoutTextSql(`${dir}/*.parquet`));
    expect(rows).toEqual(blanked);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.text).toBe(false);
  });
});
