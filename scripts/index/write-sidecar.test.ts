import { readFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../generator/generate-dataset';
import { computeConversationBatch } from '../../src/db/build/conversation-metadata';
import { parseSidecarManifest, sidecarMismatch, SIDECAR_TABLE } from '../../src/db/build/sidecar';
import { openNodeShard, readRowGroup } from '../../src/db/testing/node-shards';
import { CONVERSATION_COLUMNS } from '../../src/sql/conversations-table';
import { writeSidecar, type IndexResult } from './write-sidecar';

const plain = (table: Table) =>
  table.toArray().map((r) => {
    const json = r.toJSON() as Record<string, unknown>;
    return { ...json, row: Number(json.row) };
  });

/** What the app's build inserts into DuckDB: the worker's reduction over each row group. */
async function appBuild(paths: string[]) {
  const batches = [];
  let shardRowOffset = 0;
  for (const [shardIndex, path] of paths.entries()) {
    const shard = await openNodeShard(path);
    let shardRowStart = 0;
    for (const rowGroup of shard.rowGroups.keys()) {
      for (const batch of readRowGroup(shard, rowGroup, shard.columns.metadataLeaves).batches) {
        batches.push(
          computeConversationBatch(batch, { shard: shardIndex, shardRowStart, shardRowOffset }),
        );
        shardRowStart += batch.numRows;
      }
    }
    shardRowOffset += shardRowStart;
  }
  return batches;
}

describe('npm run index: the sidecar and its manifest', () => {
  let dir: string;
  let paths: string[];
  let result: IndexResult;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-index-'));
    const { files } = await generateDataset({
      rows: 5_000,
      shards: 2,
      seed: 5,
      outDir: join(dir, 'shards'),
      rowGroupSize: 400,
    });
    paths = files.map((f) => f.path);
    result = await writeSidecar({ shards: paths, outDir: join(dir, 'out'), rowGroupRows: 2_048 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds, read the way the app reads it, exactly the table the app builds', async () => {
    const bytes = readFileSync(result.tablePath);
    // The app reads the sidecar one row group at a time through parquet-wasm (sidecar-load.ts).
    const groups = result.manifest.table.rowGroups.map((_, rowGroup) =>
      tableFromIPC(readParquet(bytes, { rowGroups: [rowGroup] }).intoIPCStream()),
    );
    expect(groups.length).toBeGreaterThan(1);
    const built = await appBuild(paths);
    // Same columns in the same order and of the same Arrow types as the build's batches, so
    // DuckDB-WASM inserts them into the same table.
    const builtSchema = built[0]!.schema.fields.map((f) => `${f.name}:${String(f.type)}`);
    expect(builtSchema.map((f) => f.split(':')[0])).toEqual(
      CONVERSATION_COLUMNS.map((c) => c.name),
    );
    for (const group of groups)
      expect(group.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(builtSchema);

    const fromSidecar = groups.flatMap(plain);
    const fromBuild = built
      .flatMap((b) => b.toArray().map((r) => r.toJSON() as Record<string, unknown>))
      .map((r) => ({ ...r, row: Number(r.row) }))
      .sort((a, b) => a.row - b.row);
    expect(fromSidecar).toHaveLength(5_000);
    expect(fromSidecar).toEqual(fromBuild);
  });

  it('writes a manifest the app accepts, with each shard as the app would inspect it', async () => {
    const manifest = parseSidecarManifest(JSON.parse(readFileSync(result.manifestPath, 'utf8')));
    if ('problem' in manifest) throw new Error(manifest.problem);
    expect(manifest.table).toMatchObject({
      file: SIDECAR_TABLE,
      rows: 5_000,
      rowGroups: [2_048, 2_048, 904],
      bytes: statSync(result.tablePath).size,
    });
    for (const [i, path] of paths.entries()) {
      const listed = manifest.shards[i]!;
      const shard = await openNodeShard(path);
      expect(listed.name).toBe(basename(path));
      expect(listed.bytes).toBe(statSync(path).size);
      expect(listed.info.columns).toEqual(shard.columns);
      expect(listed.info.rowGroups.map((g) => g.rows)).toEqual(shard.rowGroups);
      expect(listed.info.rowGroups.every((g) => g.metadataBytes > 0 && g.textBytes > 0)).toBe(true);
    }
    const opened = paths.map((p) => ({ name: basename(p), size: statSync(p).size }));
    expect(sidecarMismatch(manifest, opened)).toBeNull();
    expect(sidecarMismatch(manifest, [...opened].reverse())).toMatch(
      /lists .* where .* was opened/,
    );
    const grown = opened.map((s, i) => (i === 1 ? { ...s, size: s.size + 1 } : s));
    expect(sidecarMismatch(manifest, grown)).toMatch(/has changed since it was indexed/);
  });
});
