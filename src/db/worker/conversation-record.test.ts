import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateDataset } from '../testing/scripts';
import { quoteString } from '../../sql/quote';
import { CATEGORIES } from '../../model/moderation';
import { conversationFromTable, PREVIEW_LENGTH, previewsFromTable } from './conversation-record';
import { nativeConnection, nativeRows, openNodeShard, readRowGroup } from '../testing/node-shards';

let dir: string;
let path: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'convoscope-record-'));
  const { files } = await generateDataset({
    rows: 5_000,
    shards: 1,
    seed: 5,
    outDir: dir,
    rowGroupSize: 2_048,
  });
  path = files[0]!.path;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('reads one conversation by row group and row, equal to what native DuckDB reads', async () => {
  const shard = await openNodeShard(path);
  expect(shard.rowGroups.length).toBeGreaterThan(1);
  const conn = await nativeConnection();
  // First, last and middle rows of every row group: offsets are relative to the group read.
  let groupStart = 0;
  const picks: { shardRow: number; rowGroup: number; rowInGroup: number }[] = [];
  for (const [rowGroup, rows] of shard.rowGroups.entries()) {
    for (const rowInGroup of [0, rows >> 1, rows - 1]) {
      picks.push({ shardRow: groupStart + rowInGroup, rowGroup, rowInGroup });
    }
    groupStart += rows;
  }
  for (const { shardRow, rowGroup, rowInGroup } of picks) {
    const table = readRowGroup(shard, rowGroup, shard.columns.conversationLeaves, {
      offset: rowInGroup,
      limit: 1,
    });
    const messages = conversationFromTable(table);
    const [native] = await nativeRows(
      conn,
      `SELECT conversation, openai_moderation FROM read_parquet(${quoteString(path)}, file_row_number = true)
       WHERE file_row_number = ${shardRow}`,
    );
    const conversation = native!.conversation as { content: string; role: string }[];
    const moderation = native!.openai_moderation as {
      flagged: boolean;
      categories: Record<string, boolean>;
      category_scores: Record<string, number>;
    }[];
    expect(messages.map((m) => ({ content: m.content, role: m.role }))).toEqual(conversation);
    expect(messages.map((m) => m.moderation?.flagged)).toEqual(moderation.map((m) => m.flagged));
    for (const c of CATEGORIES) {
      expect(messages.map((m) => m.moderation?.scores[c.name])).toEqual(
        moderation.map((m) => m.category_scores[c.name]),
      );
      expect(messages.map((m) => m.moderation?.categories[c.name])).toEqual(
        moderation.map((m) => m.categories[c.name]),
      );
    }
  }
});

it('previews the first user prompt of each requested row, cut and with whitespace collapsed', async () => {
  const shard = await openNodeShard(path);
  const conn = await nativeConnection();
  const rowGroup = 1;
  const groupStart = shard.rowGroups[0]!;
  const offset = 100;
  const table = readRowGroup(shard, rowGroup, shard.columns.conversationLeaves.slice(0, 2), {
    offset,
    limit: 400,
  });
  // Realistic prompts are mostly short: one row whose first prompt is longer than a preview
  // shows the cut.
  const [long] = await nativeRows(
    conn,
    `SELECT file_row_number - ${groupStart + offset} AS r
     FROM read_parquet(${quoteString(path)}, file_row_number = true)
     WHERE file_row_number BETWEEN ${groupStart + offset + 2} AND ${groupStart + offset + 398}
       AND length(list_filter(conversation, m -> m.role = 'user')[1].content) > ${2 * PREVIEW_LENGTH}
     ORDER BY r LIMIT 1`,
  );
  const rows = [0, 1, Number(long!.r), 399];
  const previews = previewsFromTable(table, rows);
  const native = await nativeRows(
    conn,
    `SELECT file_row_number AS n, list_filter(conversation, m -> m.role = 'user')[1].content AS first
     FROM read_parquet(${quoteString(path)}, file_row_number = true)
     WHERE file_row_number IN (${rows.map((r) => groupStart + offset + r).join(', ')})
     ORDER BY n`,
  );
  const expected = native.map((r) => {
    if (r.first === null) return null;
    const text = Array.from((r.first as string).replace(/\s+/g, ' ').trim());
    return text.length > PREVIEW_LENGTH
      ? `${text.slice(0, PREVIEW_LENGTH).join('')}…`
      : text.join('');
  });
  expect(previews).toEqual(expected);
  expect(previews.some((p) => p !== null && p.endsWith('…'))).toBe(true);
});
