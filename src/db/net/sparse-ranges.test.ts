import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../testing/scripts';
import { parseByteRange, planSparseRead, sparseRangeFetch, type Span } from './sparse-ranges';

const span = (start: number, end: number): Span => ({ start, end });

describe('planSparseRead', () => {
  // Three chunks: ids, the text between, moderation after (a row group of the hub layout).
  const ids = span(4, 33_000);
  const text = span(33_000, 1_100_000);
  const moderation = span(1_100_000, 1_500_000);

  it('leaves out a wanted-less chunk between two wanted ones', () => {
    expect(planSparseRead(span(4, 1_500_000), [ids, moderation])).toEqual([ids, moderation]);
  });

  it('fetches whole a request that is all wanted', () => {
    expect(planSparseRead(span(4, 1_500_000), [ids, text, moderation])).toBeUndefined();
  });

  it('fetches a small gap through rather than paying another request', () => {
    const a = span(0, 1000);
    const b = span(2000, 3000);
    expect(planSparseRead(span(0, 3000), [a, b])).toBeUndefined();
    // Chunks either side of a small gap and a big one: two pieces, the small gap kept.
    const c = span(500_000, 600_000);
    expect(planSparseRead(span(0, 600_000), [a, b, c])).toEqual([span(0, 3000), c]);
  });

  it('trusts only requests that line up with the wanted chunks', () => {
    // A footer read, or a file whose chunks are not where the sizes put them.
    expect(planSparseRead(span(10, 1_500_000), [ids, moderation])).toBeUndefined();
    expect(planSparseRead(span(4, 1_499_000), [ids, moderation])).toBeUndefined();
    expect(planSparseRead(span(2_000_000, 2_100_000), [ids, moderation])).toBeUndefined();
  });

  it('keeps to the request when other reads want more of the file', () => {
    const nextGroup = span(1_500_000, 3_000_000);
    expect(planSparseRead(span(4, 1_500_000), [nextGroup, moderation, ids])).toEqual([
      ids,
      moderation,
    ]);
  });
});

describe('parseByteRange', () => {
  it('reads one closed range and nothing else', () => {
    expect(parseByteRange('bytes=4-99')).toEqual(span(4, 100));
    expect(parseByteRange('bytes=-8')).toBeUndefined();
    expect(parseByteRange('bytes=4-')).toBeUndefined();
    expect(parseByteRange('bytes=0-1,4-5')).toBeUndefined();
    expect(parseByteRange(null)).toBeUndefined();
  });
});

describe('sparseRangeFetch', () => {
  let dir: string;
  let server: StaticServer;
  const size = 300_000;
  const bytes = Uint8Array.from({ length: size }, (_, i) => (i % 251) + 1);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-sparse-'));
    writeFileSync(join(dir, 'f.parquet'), bytes);
    server = await startStaticServer({ root: dir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const counting = () => {
    const ranges: string[] = [];
    const doFetch: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      ranges.push(request.headers.get('Range') ?? '');
      return fetch(request);
    };
    return { ranges, doFetch };
  };

  it('answers with the wanted bytes in place and zeros between, as one 206', async () => {
    const { ranges, doFetch } = counting();
    const url = `${server.origin}/f.parquet`;
    const wanted = [span(100, 1100), span(200_000, 250_000)];
    const sparse = sparseRangeFetch(doFetch, (u) => (u === url ? wanted : undefined));
    const response = await sparse(url, { headers: { Range: 'bytes=100-249999' } });
    expect(ranges).toEqual(['bytes=100-1099', 'bytes=200000-249999']);
    expect(response.status).toBe(206);
    expect(response.headers.get('Content-Range')).toBe(`bytes 100-249999/${size}`);
    expect(response.headers.get('Content-Length')).toBe('249900');
    expect(response.url).toBe(url);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body.length).toBe(249_900);
    expect(body.subarray(0, 1000)).toEqual(bytes.subarray(100, 1100));
    expect(body.subarray(1000, 199_900).every((b) => b === 0)).toBe(true);
    expect(body.subarray(199_900)).toEqual(bytes.subarray(200_000, 250_000));
  });

  it('passes through what it has no plan for', async () => {
    const { ranges, doFetch } = counting();
    const url = `${server.origin}/f.parquet`;
    const sparse = sparseRangeFetch(doFetch, () => undefined);
    const response = await sparse(url, { headers: { Range: 'bytes=0-9' } });
    expect(ranges).toEqual(['bytes=0-9']);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes.subarray(0, 10));
  });

  it('hands on a refusal of any piece', async () => {
    const url = `${server.origin}/missing.parquet`;
    const sparse = sparseRangeFetch(fetch, () => [span(0, 10), span(200_000, 200_010)]);
    const response = await sparse(url, { headers: { Range: 'bytes=0-200009' } });
    expect(response.status).toBe(404);
  });
});
