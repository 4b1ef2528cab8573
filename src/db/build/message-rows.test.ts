import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateDataset } from '../testing/scripts';
import { MESSAGE_COLUMNS, scoreColumn } from '../../sql/messages-table';
import { CATEGORIES } from '../../model/moderation';
import { quoteString } from '../../sql/quote';
import { messageRowsBatch } from './message-rows';
import { nativeConnection, nativeRows, openNodeShard, readRowGroup } from '../testing/node-shards';

let dir: string;
let path: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'convoscope-messages-'));
  const { files } = await generateDataset({
    rows: 3_000,
    shards: 1,
    seed: 11,
    outDir: dir,
    rowGroupSize: 2_048,
  });
  path = files[0]!.path;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface NativeModeration {
  flagged: boolean | null;
  categories: Record<string, boolean | null> | null;
  category_scores: Record<string, number | null> | null;
}

it('flattens the picked conversations of a span into messages rows equal to native DuckDB', async () => {
  const shard = await openNodeShard(path);
  const first = 10;
  const offsets = [10, 11, 250, 500];
  const table = readRowGroup(shard, 0, shard.columns.conversationLeaves, {
    offset: first,
    limit: 500 - first + 1,
  });
  const picks = offsets.map((o) => ({
    offset: o - first,
    row: 7_000 + o,
    conversationId: `c${o}`,
  }));
  // Through IPC, as DuckDB-WASM receives it.
  const batch = messageRowsBatch(table, picks);
  const rows = tableFromIPC(tableToIPC(new Table([batch]), 'stream'))
    .toArray()
    .map((r) => r.toJSON() as Record<string, unknown>);
  expect(batch.schema.fields.map((f) => f.name)).toEqual(MESSAGE_COLUMNS.map((c) => c.name));

  const conn = await nativeConnection();
  const native = await nativeRows(
    conn,
    `SELECT file_row_number AS r, conversation, openai_moderation
     FROM read_parquet(${quoteString(path)}, file_row_number = true)
     WHERE file_row_number IN (${offsets.join(', ')}) ORDER BY r`,
  );
  const expected = native.flatMap((n) => {
    const messages = n.conversation as { content: string | null; role: string | null }[];
    const moderation = (n.openai_moderation ?? []) as (NativeModeration | null)[];
    return messages.map((m, i) => {
      const entry = moderation[i] ?? null;
      return {
        row: 7_000 + Number(n.r),
        conversation_id: `c${Number(n.r)}`,
        message_index: i + 1,
        role: m.role,
        content: m.content,
        flagged: entry?.flagged ?? null,
        ...Object.fromEntries(CATEGORIES.map((c) => [c.id, entry?.categories?.[c.name] ?? null])),
        ...Object.fromEntries(
          CATEGORIES.map((c) => [scoreColumn(c.id), entry?.category_scores?.[c.name] ?? null]),
        ),
      };
    });
  });
  expect(expected.length).toBeGreaterThan(offsets.length);
  expect(rows.map((r) => ({ ...r, row: Number(r.row) }))).toEqual(expected);
});

it('gives an empty batch with the full schema when nothing is picked', async () => {
  const shard = await openNodeShard(path);
  const table = readRowGroup(shard, 0, shard.columns.conversationLeaves, { offset: 0, limit: 1 });
  const batch = messageRowsBatch(table, []);
  expect(batch.numRows).toBe(0);
  expect(batch.schema.fields).toHaveLength(MESSAGE_COLUMNS.length);
});
