import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../testing/scripts';
import { buildNativeConversationsQuery } from '../../sql/native-conversations';
import { CONVERSATION_COLUMNS } from '../../sql/conversations-table';
import { quoteString } from '../../sql/quote';
import { CATEGORIES } from '../../model/moderation';
import { computeConversationBatch } from './conversation-metadata';
import {
  nativeConnection,
  nativeRows,
  openNodeShard,
  withRowGroupViews,
} from '../testing/node-shards';

/** The browser's reduction (Arrow leaves in JS) against native DuckDB's SQL, row by row. */
async function browserRows(paths: string[]) {
  const rows: Record<string, unknown>[] = [];
  let shardRowOffset = 0;
  for (const [shardIndex, path] of paths.entries()) {
    const shard = await openNodeShard(path);
    let shardRowStart = 0;
    for (const rowGroup of shard.rowGroups.keys()) {
      withRowGroupViews(shard, rowGroup, shard.columns.metadataLeaves, (input) => {
        for (const batch of input.batches) {
          const out = computeConversationBatch(batch, {
            shard: shardIndex,
            shardRowStart,
            shardRowOffset,
          });
          for (const row of out) {
            const json = row.toJSON() as Record<string, unknown>;
            rows.push({ ...json, row: Number(json.row) });
          }
          shardRowStart += batch.numRows;
        }
      });
    }
    shardRowOffset += shardRowStart;
  }
  return rows;
}

async function nativeConversations(
  conn: DuckDBConnection,
  paths: string[],
  rows: number[],
  hasRedacted = true,
  wildchat = false,
) {
  let offset = 0;
  const shards = paths.map((path, i) => {
    const shard = { path, rowOffset: offset };
    offset += rows[i]!;
    return shard;
  });
  const query = buildNativeConversationsQuery({
    shards,
    hasRedacted,
    ...(wildchat
      ? { shape: 'wildchat', present: { toxic: true, country: true, state: true } }
      : {}),
  });
  return nativeRows(conn, `${query} ORDER BY row`);
}

describe('conversations metadata on generated shards', () => {
  let dir: string;
  let paths: string[];
  let conn: DuckDBConnection;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-meta-'));
    const { files } = await generateDataset({
      rows: 5_000,
      shards: 2,
      seed: 11,
      outDir: dir,
      rowGroupSize: 700,
    });
    paths = files.map((f) => f.path);
    conn = await nativeConnection();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('matches native DuckDB on every column of every row', async () => {
    const ours = await browserRows(paths);
    const counts = await Promise.all(
      paths.map(async (p) => (await openNodeShard(p)).rowGroups.reduce((a, b) => a + b, 0)),
    );
    const native = await nativeConversations(conn, paths, counts);
    expect(ours).toHaveLength(5_000);
    expect(Object.keys(ours[0]!)).toEqual(CONVERSATION_COLUMNS.map((c) => c.name));
    expect(ours).toEqual(native);
    // The data exercises what matters: flags of both roles and a spread of scores.
    expect(ours.some((r) => r.user_flagged)).toBe(true);
    expect(ours.some((r) => r.assistant_flagged)).toBe(true);
    expect(new Set(ours.map((r) => r.shard))).toEqual(new Set([0, 1]));
  });
});

describe('conversations metadata on generated WildChat-1M shards', () => {
  let dir: string;
  let paths: string[];
  let conn: DuckDBConnection;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-wild-'));
    const { files } = await generateDataset({
      rows: 3_000,
      shards: 2,
      seed: 12,
      outDir: dir,
      rowGroupSize: 600,
      shape: 'wildchat',
    });
    paths = files.map((f) => f.path);
    conn = await nativeConnection();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('maps conversation_hash, toxic, country and state, and agrees with native DuckDB', async () => {
    const shard = await openNodeShard(paths[0]!);
    expect(shard.columns.shape).toBe('wildchat');
    expect(shard.columns.present).toEqual({
      redacted: true,
      toxic: true,
      country: true,
      state: true,
    });
    // Never the timestamp (DuckDB-WASM would want ICU for TIMESTAMPTZ), the text or Detoxify.
    expect(shard.columns.metadataLeaves.some((l) => /timestamp|detoxify|content/.test(l))).toBe(
      false,
    );
    const ours = await browserRows(paths);
    const native = await nativeConversations(conn, paths, [1_500, 1_500], true, true);
    expect(ours).toHaveLength(3_000);
    expect(Object.keys(ours[0]!)).toEqual(CONVERSATION_COLUMNS.map((c) => c.name));
    expect(ours).toEqual(native);
    // Straight from the file: the same ids, flags and places, row for row.
    const source = await nativeRows(
      conn,
      `SELECT conversation_hash, toxic, country, state, redacted, len(conversation) AS n
       FROM read_parquet([${paths.map(quoteString).join(', ')}]) ORDER BY filename, file_row_number`,
    );
    expect(
      ours.map((r) => [r.conversation_id, r.toxic, r.country, r.state, r.redacted, r.n_messages]),
    ).toEqual(
      source.map((r) => [r.conversation_hash, r.toxic, r.country, r.state, r.redacted, r.n]),
    );
    expect(ours.some((r) => r.toxic === true)).toBe(true);
    expect(ours.some((r) => r.country === null)).toBe(true);
    expect(ours.some((r) => r.state === null && r.country !== null)).toBe(true);
  });

  it('leaves toxic, country and state NULL for LMSYS-shaped shards', async () => {
    const lmsysDir = mkdtempSync(join(tmpdir(), 'convoscope-lm-'));
    try {
      // Metadata columns only: the browser path never reads the text, so none is written.
      const { files } = await generateDataset({
        rows: 200,
        shards: 1,
        seed: 4,
        outDir: lmsysDir,
        text: false,
      });
      const ours = await browserRows([files[0]!.path]);
      expect(ours.every((r) => r.toxic === null && r.country === null && r.state === null)).toBe(
        true,
      );
    } finally {
      rmSync(lmsysDir, { recursive: true, force: true });
    }
  });
});

describe('conversations metadata on malformed rows', () => {
  let dir: string;
  let conn: DuckDBConnection;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-edge-'));
    conn = await nativeConnection();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('agrees with native DuckDB on nulls, short and long moderation lists and odd roles', async () => {
    const path = join(dir, 'edge.parquet');
    const cats = CATEGORIES.map((c) => c.name);
    const entry = (flagged: string, score: string, hit: string) =>
      `{'categories': {${cats.map((c, i) => `'${c}': ${i === 7 ? hit : 'false'}`).join(', ')}}, 'category_scores': {${cats.map((c, i) => `'${c}': (${i === 7 ? score : '0.001'})::DOUBLE`).join(', ')}}, 'flagged': ${flagged}}`;
    const u = (t: string) => `{'content': '${t}', 'role': 'user'}`;
    const a = (t: string) => `{'content': '${t}', 'role': 'assistant'}`;
    const rows = [
      // moderation matches; assistant flagged
      `('a', 'm', [${u('x')}, ${a('y')}], 1, 'English', [${entry('false', '0.01', 'false')}, ${entry('true', '0.9', 'true')}])`,
      // moderation list null
      `('b', 'm', [${u('x')}, ${a('y')}], 1, 'English', NULL)`,
      // moderation shorter than the conversation
      `('c', NULL, [${u('x')}, ${a('y')}, ${u('z')}], 2, NULL, [${entry('true', '0.7', 'true')}])`,
      // moderation longer than the conversation; the extra flagged entry moderates no message
      `('d', 'm', [${u('x')}], NULL, 'English', [${entry('false', '0.2', 'false')}, ${entry('true', '0.95', 'true')}])`,
      // null flagged, null entry, empty lists
      `('e', 'm', [], 0, 'English', [${entry('NULL', 'NULL', 'NULL')}, NULL])`,
      // conversation null, an odd role
      `('f', 'm', NULL, 1, 'English', [${entry('true', '0.6', 'true')}])`,
      `('g', 'm', [{'content': 'x', 'role': 'system'}, ${u('y')}], 1, 'English', [${entry('true', '0.6', 'true')}, ${entry('true', '0.8', 'false')}])`,
    ];
    await conn.run(
      `COPY (SELECT * FROM (VALUES ${rows.join(', ')}) t(conversation_id, model, conversation, turn, language, openai_moderation))
       TO ${quoteString(path)} (FORMAT parquet)`,
    );
    const ours = await browserRows([path]);
    const native = await nativeConversations(conn, [path], [rows.length], false);
    expect(ours).toEqual(native);
    const byId = Object.fromEntries(ours.map((r) => [r.conversation_id as string, r]));
    expect(byId.a).toMatchObject({
      flagged: true,
      assistant_flagged: true,
      user_flagged: false,
      first_flagged_message: 1,
      sexual: true,
      max_sexual: 0.9,
      redacted: null,
    });
    expect(byId.b).toMatchObject({
      flagged: false,
      max_score: null,
      n_messages: 2,
      first_flagged_message: null,
    });
    expect(byId.c).toMatchObject({
      flagged: true,
      user_flagged: true,
      model: null,
      language: null,
    });
    // Entries beyond the conversation moderate no message, so they count for nothing.
    expect(byId.d).toMatchObject({
      flagged: false,
      user_flagged: false,
      assistant_flagged: false,
      sexual: false,
      max_sexual: 0.2,
      first_flagged_message: null,
      turn: null,
    });
    expect(byId.e).toMatchObject({
      flagged: false,
      n_messages: 0,
      max_sexual: null,
      max_harassment: null,
    });
    expect(byId.f).toMatchObject({ flagged: false, n_messages: 0, max_score: null });
    expect(byId.g).toMatchObject({
      user_flagged: true,
      assistant_flagged: false,
      first_flagged_message: 0,
    });
  });
});
