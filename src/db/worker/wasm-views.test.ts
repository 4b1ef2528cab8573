import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { ParquetFile, wasmMemory } from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../testing/scripts';
import { jsonLine } from '../export/export-jsonl';
import { openNodeShard, type NodeShard } from '../testing/node-shards';
import { withViews } from './wasm-views';

/**
 * `withViews` hands out views sized without the arrays' own offsets; the readers using it rely on
 * parquet-wasm decoding every read afresh, a span of rows (offset, limit) included, as the export
 * reads it. Every column of every row, through views and through the IPC copy, must agree.
 */
describe('rows read in place through withViews', () => {
  let dir: string;
  let file: ParquetFile;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-views-'));
    const { files } = await generateDataset({
      rows: 1_200,
      shards: 1,
      seed: 11,
      outDir: dir,
      rowGroupSize: 500,
    });
    const shard: NodeShard = await openNodeShard(files[0]!.path);
    file = await ParquetFile.fromFile(new Blob([new Uint8Array(shard.bytes)]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const lines = (table: Table) =>
    Array.from({ length: table.numRows }, (_, i) => jsonLine(table.get(i)));
  /** As the export reads (src/db/export-rows.ts): the async reader, batches and concurrency. */
  const read = (rowGroup: number, span?: { offset: number; limit: number }) =>
    file.read({ rowGroups: [rowGroup], batchSize: 128, concurrency: 8, ...span });

  for (const [label, rowGroup, span] of [
    ['a whole row group', 1, undefined],
    ['a span inside one', 1, { offset: 37, limit: 300 }],
    ['the last rows of the last one', 2, { offset: 150, limit: 50 }],
  ] as const) {
    it(`gives the same rows as the IPC copy: ${label}`, async () => {
      const copied = lines(tableFromIPC((await read(rowGroup, span)).intoIPCStream()));
      const inPlace = withViews(await read(rowGroup, span), wasmMemory, lines);
      expect(copied.length).toBe(span?.limit ?? 500);
      expect(inPlace).toEqual(copied);
    });
  }
});
