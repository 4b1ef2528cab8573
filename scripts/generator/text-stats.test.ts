import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from './generate-dataset';
import { LAYOUTS } from './layouts';
import { num, openTestDb, type Row } from './test-support';

/**
 * The generated text against real LMSYS-Chat-1M text (docs: shared reference, measured on a public
 * sample): the `content` leaf compresses 2.31x with SNAPPY and 3.71x with ZSTD; user messages have
 * a median of 50 bytes, p90 344, mean 161; answers a median of 583, p90 1,756, mean 757.
 */
const ROWS = 3_000;
let dir: string;
let db: Awaited<ReturnType<typeof openTestDb>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-text-'));
  const { rowGroupSize, compression } = LAYOUTS.hub;
  await generateDataset({
    rows: ROWS,
    shards: 1,
    seed: 3,
    outDir: dir,
    rowGroupSize: rowGroupSize ?? 1_000,
    compression,
  });
  db = await openTestDb();
  // The same rows and row groups again, in the other codec.
  await db.query(`COPY (SELECT * FROM '${dir}/train-00000-of-00001.parquet')
    TO '${dir}/zstd.parquet' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${rowGroupSize})`);
}, 120_000);

afterAll(async () => {
  db?.close();
  await rm(dir, { recursive: true, force: true });
});

async function contentRatio(file: string): Promise<number> {
  const [row] =
    await db.query(`SELECT sum(total_uncompressed_size) / sum(total_compressed_size) AS r
    FROM parquet_metadata('${dir}/${file}') WHERE path_in_schema = 'conversation, list, element, content'`);
  return num(row?.r);
}

describe('realistic text', () => {
  it('compresses like real chat text: 2.0-2.6x with SNAPPY, 3.2-4.2x with ZSTD', async () => {
    const snappy = await contentRatio('train-00000-of-00001.parquet');
    const zstd = await contentRatio('zstd.parquet');
    expect(snappy).toBeGreaterThan(2.0);
    expect(snappy).toBeLessThan(2.6);
    expect(zstd).toBeGreaterThan(3.2);
    expect(zstd).toBeLessThan(4.2);
  });

  it('has the length quantiles of real prompts and answers', async () => {
    const rows = await db.query(`WITH m AS (SELECT unnest(conversation) AS c
        FROM '${dir}/train-00000-of-00001.parquet'
        WHERE NOT list_bool_or(list_transform(openai_moderation, x -> x.flagged)))
      SELECT c.role AS role, median(strlen(c.content)) AS median,
        quantile_cont(strlen(c.content), 0.9) AS p90, avg(strlen(c.content)) AS mean
      FROM m GROUP BY 1`);
    const by: Record<string, Row> = Object.fromEntries(rows.map((r) => [String(r.role), r]));
    const near = (value: unknown, target: number, tolerance: number) => {
      expect(num(value)).toBeGreaterThan(target * (1 - tolerance));
      expect(num(value)).toBeLessThan(target * (1 + tolerance));
    };
    near(by.user?.median, 50, 0.2);
    near(by.user?.p90, 344, 0.25);
    // Means: real prompts pasted with long documents make the dataset's mean higher than the
    // sample's (69.5 Llama-2 tokens per prompt in the paper), so the bound is wider above.
    near(by.user?.mean, 200, 0.35);
    near(by.assistant?.median, 583, 0.15);
    near(by.assistant?.p90, 1_756, 0.15);
    near(by.assistant?.mean, 800, 0.2);
  });

  it('writes about 2.6 KB a conversation decoded, about 2.2 KB of it text', async () => {
    const [row] = await db.query(`SELECT sum(total_uncompressed_size) / ${ROWS} AS decoded
      FROM parquet_metadata('${dir}/train-00000-of-00001.parquet')`);
    const [text] = await db.query(`SELECT sum(strlen(c.content)) / ${ROWS} AS bytes
      FROM (SELECT unnest(conversation) AS c FROM '${dir}/train-00000-of-00001.parquet')`);
    expect(num(row?.decoded)).toBeGreaterThan(2_200);
    expect(num(row?.decoded)).toBeLessThan(3_000);
    expect(num(text?.bytes)).toBeGreaterThan(1_800);
    expect(num(text?.bytes)).toBeLessThan(2_600);
  });
});
