import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParquetFile } from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sparseRangeFetch } from '../net/sparse-ranges';
import { openNodeShard } from '../testing/node-shards';
import { generateDataset, startStaticServer, type StaticServer } from '../testing/scripts';
import { chunkSpans, wantedSpans, whileReading } from './chunk-spans';

describe('chunkSpans', () => {
  const footer = (groups: [string, number][][]) => ({
    metadata: () => ({
      rowGroups: () =>
        groups.map((chunks) => ({
          columns: () =>
            chunks.map(([path, size]) => ({
              columnPath: () => path.split('.'),
              compressedSize: () => size,
            })),
        })),
    }),
  });

  it('places chunks end to end from byte 4, group after group', () => {
    const file = footer([
      [
        ['id', 10],
        ['text.content', 100],
        ['flag', 5],
      ],
      [
        ['id', 20],
        ['text.content', 200],
        ['flag', 7],
      ],
    ]);
    expect(chunkSpans(file, 0, ['id', 'flag'])).toEqual([
      { start: 4, end: 14 },
      { start: 114, end: 119 },
    ]);
    expect(chunkSpans(file, 1, ['flag', 'missing'])).toEqual([{ start: 339, end: 346 }]);
    expect(chunkSpans(file, 2, ['id'])).toEqual([]);
  });

  it('registers a read only while it runs', async () => {
    const url = 'http://host/a.parquet';
    let during: unknown;
    await whileReading(url, [{ start: 4, end: 10 }], async () => {
      during = wantedSpans('http://host/a.parquet');
    });
    expect(during).toEqual([{ start: 4, end: 10 }]);
    expect(wantedSpans(url)).toBeUndefined();
    await expect(
      whileReading(url, [], () => Promise.reject(new Error('read failed'))),
    ).rejects.toThrow('read failed');
    expect(wantedSpans(url)).toBeUndefined();
  });
});

// The whole path on a real file: parquet-wasm over HTTP, its merged ranges trimmed to the chunks
// asked for, must decode exactly what a plain read decodes while fetching much less.
describe('a trimmed read of a hub-layout row group', () => {
  let dir: string;
  let server: StaticServer;
  let leaves: string[];
  const realFetch = globalThis.fetch;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-spans-'));
    await generateDataset({
      rows: 600,
      shards: 1,
      seed: 3,
      outDir: dir,
      rowGroupSize: 300,
      compression: 'snappy',
    });
    leaves = (await openNodeShard(join(dir, 'train-00000-of-00001.parquet'))).columns
      .metadataLeaves;
    server = await startStaticServer({ root: dir });
  }, 120_000);
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function read(sparse: boolean) {
    let fetched = 0;
    const counting: typeof fetch = async (input, init) => {
      const response = await realFetch(input, init);
      const bytes = await response.arrayBuffer();
      fetched += bytes.byteLength;
      const copy = new Response(bytes, { status: response.status, headers: response.headers });
      // parquet-wasm parses the answer's URL, which a constructed Response lacks.
      Object.defineProperty(copy, 'url', { value: response.url });
      return copy;
    };
    globalThis.fetch = sparse ? sparseRangeFetch(counting, wantedSpans) : counting;
    try {
      const url = `${server.origin}/train-00000-of-00001.parquet`;
      const file = await ParquetFile.fromUrl(url);
      const before = fetched;
      const run = () => file.read({ rowGroups: [1], columns: leaves });
      const table = sparse
        ? await whileReading(url, chunkSpans(file, 1, leaves), run)
        : await run();
      return { ipc: table.intoIPCStream(), bytes: fetched - before };
    } finally {
      globalThis.fetch = realFetch;
    }
  }

  it('decodes the same rows from fewer bytes', async () => {
    const plain = await read(false);
    const trimmed = await read(true);
    expect(trimmed.ipc).toEqual(plain.ipc);
    expect(trimmed.bytes).toBeLessThan(plain.bytes / 2);
  });
});
