import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../testing/scripts';
import { probeCachedShards, probeParquetFile, probeParquetUrl } from './probe-url';

describe('probeParquetUrl', () => {
  let dir: string;
  let host: StaticServer;
  let noRanges: StaticServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-probe-'));
    writeFileSync(join(dir, 'ok.parquet'), 'PAR1 rows and a footer 1234PAR1');
    writeFileSync(join(dir, 'notes.txt'), 'just some text that is not parquet');
    writeFileSync(join(dir, 'empty.parquet'), '');
    host = await startStaticServer({ root: dir });
    noRanges = await startStaticServer({ root: dir, ranges: false });
  });
  afterAll(async () => {
    await host.close();
    await noRanges.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts a parquet file from a host with Range support', async () => {
    await expect(
      probeParquetUrl('ok.parquet', `${host.origin}/ok.parquet`),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['notes.txt', 'host', 'notes.txt: is not a parquet file'],
    ['missing.parquet', 'host', 'missing.parquet: was not found on 127.0.0.1:'],
    ['empty.parquet', 'host', 'empty.parquet: is empty'],
    ['ok.parquet', 'noRanges', 'ok.parquet: was sent whole instead of in parts'],
  ])('names the problem with %s on %s', async (file, which, message) => {
    const origin = which === 'host' ? host.origin : noRanges.origin;
    await expect(probeParquetUrl(file, `${origin}/${file}`)).rejects.toThrow(message);
  });

  it('says when the host cannot be reached', async () => {
    const refused: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(
      probeParquetUrl('a.parquet', 'https://data.example/a.parquet', refused),
    ).rejects.toThrow(
      'a.parquet: could not be fetched from data.example: the host is unreachable or does not allow cross-origin requests from this page (CORS)',
    );
  });

  it.each([
    [500, 'a.parquet: could not be fetched: data.example failed with HTTP 500; try again later'],
    [
      401,
      'a.parquet: was refused by data.example without a valid access token (HTTP 401): enter the token in Open data',
    ],
    [403, 'a.parquet: was refused by data.example (HTTP 403)'],
  ])('names HTTP %s', async (status, message) => {
    const answer: typeof fetch = async () => new Response('no', { status });
    await expect(
      probeParquetUrl('a.parquet', 'https://data.example/a.parquet', answer),
    ).rejects.toThrow(message);
  });

  it('says what a Hub refusal means for a gated dataset', async () => {
    const answer: typeof fetch = async () => new Response('no', { status: 401 });
    await expect(
      probeParquetUrl(
        'a.parquet',
        'https://huggingface.co/datasets/a/b/resolve/main/a.parquet',
        answer,
      ),
    ).rejects.toThrow(
      "a.parquet: is gated or private (HTTP 401): enter a Hugging Face access token in Open data, and accept the dataset's conditions on its page",
    );
  });
});

describe('probeCachedShards', () => {
  const OK = 'PAR1 rows and a footer 1234PAR1';
  let dir: string;
  let host: StaticServer;
  let noRanges: StaticServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-cached-probe-'));
    writeFileSync(join(dir, 'a.parquet'), OK);
    writeFileSync(join(dir, 'b.parquet'), OK);
    host = await startStaticServer({ root: dir, cors: true });
    noRanges = await startStaticServer({ root: dir, cors: true, ranges: false });
  });
  afterAll(async () => {
    await host.close();
    await noRanges.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const size = OK.length;
  /** The fetch, recording each request's URL and Range header. */
  const recorded = () => {
    const requests: string[] = [];
    const doFetch: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      requests.push(`${request.url} ${request.headers.get('range')}`);
      return fetch(request);
    };
    return { requests, doFetch };
  };

  it('asks each URL shard for its last 8 bytes, and local files nothing', async () => {
    const { requests, doFetch } = recorded();
    const shards = [
      { name: 'a.parquet', url: `${host.origin}/a.parquet` },
      { name: 'local.parquet', file: new File([OK], 'local.parquet') },
      { name: 'b.parquet', url: `${host.origin}/b.parquet` },
    ];
    await expect(probeCachedShards(shards, [size, size, size], doFetch)).resolves.toBeUndefined();
    expect(requests).toEqual([
      `${host.origin}/a.parquet bytes=-8`,
      `${host.origin}/b.parquet bytes=-8`,
    ]);
  });

  it('names a host without Range support in the words of a first open', async () => {
    const shards = [
      { name: 'a.parquet', url: `${host.origin}/a.parquet` },
      { name: 'b.parquet', url: `${noRanges.origin}/b.parquet` },
    ];
    const cached = await probeCachedShards(shards, [size, size]).catch((e: Error) => e.message);
    const first = await probeParquetUrl('b.parquet', `${noRanges.origin}/b.parquet`).catch(
      (e: Error) => e.message,
    );
    expect(cached).toBe(
      'b.parquet: was sent whole instead of in parts: the host ignores HTTP Range requests, which reading parquet needs',
    );
    expect(cached).toBe(first);
  });

  it('names the first failing shard in order when several fail', async () => {
    const shards = [
      { name: 'missing.parquet', url: `${host.origin}/missing.parquet` },
      { name: 'b.parquet', url: `${noRanges.origin}/b.parquet` },
    ];
    await expect(probeCachedShards(shards, [size, size])).rejects.toThrow(
      /^missing\.parquet: was not found on 127\.0\.0\.1:\d+ \(HTTP 404\)$/,
    );
  });

  it('refuses a Content-Range that is not the tail of a file of the cached size', async () => {
    const shards = [{ name: 'a.parquet', url: `${host.origin}/a.parquet` }];
    await expect(probeCachedShards(shards, [size + 100])).rejects.toThrow(
      `a.parquet: answered a request for its last 8 bytes with Content-Range "bytes ${size - 8}-${size - 1}/${size}" instead of "bytes ${size + 92}-${size + 99}/${size + 100}"`,
    );
  });

  it('accepts a 206 whose Content-Range the page may not read (not exposed cross-origin)', async () => {
    const partial: typeof fetch = async () => new Response('1234PAR1', { status: 206 });
    await expect(
      probeCachedShards(
        [{ name: 'a.parquet', url: 'https://data.example/a.parquet' }],
        [size],
        partial,
      ),
    ).resolves.toBeUndefined();
  });
});

describe('probeParquetFile', () => {
  it('accepts a file ending in PAR1 and names what is not parquet or empty', async () => {
    await expect(
      probeParquetFile('ok.parquet', new Blob(['PAR1 rows footer 1234PAR1'])),
    ).resolves.toBeUndefined();
    await expect(probeParquetFile('notes.parquet', new Blob(['hello there']))).rejects.toThrow(
      'notes.parquet: is not a parquet file (it does not end with the PAR1 marker)',
    );
    await expect(probeParquetFile('empty.parquet', new Blob([]))).rejects.toThrow(
      'empty.parquet: is empty',
    );
  });
});
