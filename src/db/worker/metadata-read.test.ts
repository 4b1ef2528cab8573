import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { ParquetFile, wasmMemory } from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeShard } from '../testing/node-shards';
import { generateDataset, startStaticServer, type StaticServer } from '../testing/scripts';
import { chunkLayout, planReads, type ChunkLayout } from './chunk-layout';
import { metadataRows, type LeafReader } from './metadata-read';
import type { MetadataTask, ShardRef } from './parquet-protocol';
import { cachedResponse, prefetch } from './range-cache';
import { withViews } from './wasm-views';

// A hub-like file (SNAPPY, realistic text, small row groups): the text chunk of each group lies
// between the ids and the moderation leaves, as in the Hub's files.
describe('reading a build task in runs, its bytes fetched ahead', () => {
  const name = 'train-00000-of-00001.parquet';
  let dir: string;
  let server: StaticServer;
  let leaves: string[];
  let layout: ChunkLayout;
  const requests: { range: string | null; bytes: number }[] = [];
  const realFetch = globalThis.fetch;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-runs-'));
    await generateDataset({
      rows: 1200,
      shards: 1,
      seed: 5,
      outDir: dir,
      rowGroupSize: 300,
      compression: 'snappy',
    });
    leaves = (await openNodeShard(join(dir, name))).columns.metadataLeaves;
    layout = chunkLayout(new Uint8Array(readFileSync(join(dir, name))));
    server = await startStaticServer({
      root: dir,
      onRequest: (r) => r.method === 'GET' && requests.push({ range: r.range, bytes: r.bytes }),
    });
    // What the parquet worker's fetch does (worker-fetch.ts): pieces fetched ahead answer first.
    globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      return (await cachedResponse(request)) ?? realFetch(request);
    };
  }, 120_000);
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const url = () => `${server.origin}/${name}`;
  const task = (rowGroups: number[]): MetadataTask => ({
    shard: { name, url: url() },
    shardIndex: 0,
    rowGroups,
    shardRowStart: rowGroups[0]! * 300,
    shardRowOffset: 0,
    leaves,
  });
  function reader(planned: boolean): LeafReader {
    const file = ParquetFile.fromUrl(url());
    const read = async (_: ShardRef, rowGroups: number[], columns: string[]) =>
      (await file).read({ rowGroups, columns });
    return {
      layout: async () => (planned ? layout : undefined),
      read: async (...args) => tableFromIPC((await read(...args)).intoIPCStream()),
      withRead: async (shard, groups, columns, use) =>
        withViews(await read(shard, groups, columns), wasmMemory, use),
      prefetch: (shard, pieces) =>
        prefetch(shard.url!, pieces, async (u, s) => {
          const headers = { Range: `bytes=${s.start}-${s.end - 1}` };
          return (await realFetch(u, { headers })).blob();
        }),
    };
  }
  async function run(planned: boolean, rowGroups: number[]) {
    const r = reader(planned);
    await r.read({ name }, [0], [leaves[0]!]); // the footer, read before counting
    requests.length = 0;
    const result = await metadataRows(task(rowGroups), r);
    return { ...result, requests: [...requests] };
  }

  it('splits the leaves where the text lies between them, and plans one piece per group boundary', () => {
    const plan = planReads(layout, [0, 1, 2, 3], leaves)!;
    expect(plan.runs.length).toBe(2);
    expect(plan.runs.flat().sort()).toEqual([...leaves].sort());
    const content = layout.map((g) => [...g].find(([leaf]) => leaf.endsWith('content'))![1]);
    // The ids of group 0, then each group's moderation leaves with the next group's ids.
    expect(plan.pieces.length).toBe(5);
    for (const text of content) {
      expect(plan.pieces.some((p) => p.start < text.end && p.end > text.start)).toBe(false);
    }
    // One group's two runs are two requests either way: nothing is fetched ahead and held.
    const one = planReads(layout, [2], leaves)!;
    expect(one.runs.length).toBe(2);
    expect(one.pieces).toEqual([]);
  });

  it('computes the same rows as one plain read, from fewer bytes in fewer requests', async () => {
    const plain = await run(false, [0, 1, 2, 3]);
    const planned = await run(true, [0, 1, 2, 3]);
    expect(planned.rows).toBe(1200);
    const rows = (ipc: Uint8Array) =>
      JSON.stringify(tableFromIPC(ipc).toArray(), (_, v: unknown) =>
        typeof v === 'bigint' ? Number(v) : v,
      );
    const a = JSON.parse(rows(planned.ipc)) as Record<string, unknown>[];
    const b = JSON.parse(rows(plain.ipc)) as Record<string, unknown>[];
    expect(a.length).toBe(b.length);
    for (let i = 0; i < a.length; i++) expect(a[i], `row ${i}`).toEqual(b[i]);
    expect(tableFromIPC(planned.ipc).schema.fields.map(String)).toEqual(
      tableFromIPC(plain.ipc).schema.fields.map(String),
    );
    const bytes = (rs: typeof plain.requests) => rs.reduce((sum, r) => sum + r.bytes, 0);
    expect(bytes(planned.requests)).toBeLessThan(bytes(plain.requests) / 2);
    // One piece per group and one more, fetched ahead; nothing else went to the host.
    expect(planned.requests.length).toBe(5);
  });

  it('reads the plain way when the leaves are not in the layout', async () => {
    const planned = await run(true, [0]);
    const partial: ChunkLayout = layout.map(() => new Map());
    expect(planReads(partial, [0], leaves)).toBeUndefined();
    expect(planned.rows).toBe(300);
  });
});
