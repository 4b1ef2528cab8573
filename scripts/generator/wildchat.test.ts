import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from './generate-dataset';
import { num, openTestDb, withoutTextSql } from './test-support';

let root: string;
let db: Awaited<ReturnType<typeof openTestDb>>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gen-wild-'));
  db = await openTestDb();
  await generateDataset({ rows: 1_000, shards: 1, seed: 2, outDir: root, shape: 'wildchat' });
});
afterAll(async () => {
  db.close();
  await rm(root, { recursive: true, force: true });
});

describe('the WildChat-1M-shaped generator', () => {
  it('writes the released columns, in order, with their types', async () => {
    const rows = await db.query(`DESCRIBE SELECT * FROM '${root}/*.parquet'`);
    const columns = rows.map((r) => [r.column_name, String(r.column_type).split('(')[0]]);
    expect(columns).toEqual([
      ['conversation_hash', 'VARCHAR'],
      ['model', 'VARCHAR'],
      ['timestamp', 'TIMESTAMP WITH TIME ZONE'],
      ['conversation', 'STRUCT'],
      ['turn', 'BIGINT'],
      ['language', 'VARCHAR'],
      ['openai_moderation', 'STRUCT'],
      ['detoxify_moderation', 'STRUCT'],
      ['toxic', 'BOOLEAN'],
      ['redacted', 'BOOLEAN'],
      ['state', 'VARCHAR'],
      ['country', 'VARCHAR'],
      ['hashed_ip', 'VARCHAR'],
      ['header', 'STRUCT'],
    ]);
    const manifest = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8')) as object;
    expect(manifest).toMatchObject({ shape: 'wildchat', rows: 1_000 });
  });

  it('keeps per-message moderation aligned, with underscore aliases equal to the slashed keys', async () => {
    const [row] = await db.query(`SELECT
        count(*) FILTER (WHERE len(openai_moderation) <> len(conversation)) AS misaligned,
        count(*) FILTER (WHERE len(detoxify_moderation) <> len(conversation)) AS detox_misaligned,
        count(*) FILTER (WHERE list_bool_or(list_transform(openai_moderation,
          m -> m.categories."self-harm/intent" IS DISTINCT FROM m.categories.self_harm_intent
            OR m.category_scores."sexual/minors" IS DISTINCT FROM m.category_scores.sexual_minors))) AS alias_differs,
        count(*) FILTER (WHERE turn * 2 <> len(conversation)) AS bad_turns,
        count(DISTINCT conversation_hash) AS ids,
        count(*) FILTER (WHERE toxic) AS toxic,
        count(*) FILTER (WHERE country IS NULL) AS no_country,
        count(*) FILTER (WHERE conversation[1].country IS DISTINCT FROM country) AS user_country_differs
      FROM '${root}/*.parquet'`);
    expect(num(row!.misaligned)).toBe(0);
    expect(num(row!.detox_misaligned)).toBe(0);
    expect(num(row!.alias_differs)).toBe(0);
    expect(num(row!.bad_turns)).toBe(0);
    expect(num(row!.ids)).toBe(1_000);
    expect(num(row!.toxic)).toBeGreaterThan(0);
    expect(num(row!.no_country)).toBeGreaterThan(0);
    expect(num(row!.user_country_differs)).toBe(0);
  });

  it('writes the same rows with empty messages when asked for no text', async () => {
    const dir = join(root, 'no-text');
    await generateDataset({
      rows: 1_000,
      shards: 1,
      seed: 2,
      outDir: dir,
      shape: 'wildchat',
      text: false,
    });
    const rows = await db.query(withoutTextSql(`${dir}/*.parquet`));
    expect(rows).toHaveLength(1_000);
    expect(rows).toEqual(await db.query(withoutTextSql(`${root}/*.parquet`)));
  });
});
