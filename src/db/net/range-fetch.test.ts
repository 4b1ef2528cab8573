import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../testing/scripts';
import { rangeFetch, RangeNotSupportedError } from './range-fetch';

describe('rangeFetch', () => {
  let dir: string;
  let withRanges: StaticServer;
  let withoutRanges: StaticServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-fetch-'));
    writeFileSync(join(dir, 'f.bin'), 'PAR1 0123456789 PAR1');
    withRanges = await startStaticServer({ root: dir });
    withoutRanges = await startStaticServer({ root: dir, ranges: false });
  });
  afterAll(async () => {
    await withRanges.close();
    await withoutRanges.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes range requests through, uncached', async () => {
    const seen: Request[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(new Request(input, init));
      return fetch(input, init);
    };
    const response = await rangeFetch(spy)(`${withRanges.origin}/f.bin`, {
      headers: { Range: 'bytes=-4' },
    });
    // The body is handed on re-wrapped (a Blob): status and headers stay what the host sent.
    expect(response.status).toBe(206);
    expect(response.headers.get('Content-Range')).toBe('bytes 16-19/20');
    expect(response.headers.get('Content-Length')).toBe('4');
    expect(await response.text()).toBe('PAR1');
    expect(seen[0]!.cache).toBe('no-store');
  });

  it('turns a host that ignores Range into a clear error', async () => {
    await expect(
      rangeFetch(fetch)(`${withoutRanges.origin}/f.bin`, { headers: { Range: 'bytes=0-3' } }),
    ).rejects.toBeInstanceOf(RangeNotSupportedError);
  });

  it('leaves plain requests alone', async () => {
    const response = await rangeFetch(fetch)(`${withoutRanges.origin}/f.bin`);
    expect(response.status).toBe(200);
  });

  describe('names network faults for the worker', () => {
    let cutting: StaticServer;
    let failing: StaticServer;
    beforeAll(async () => {
      writeFileSync(join(dir, 'big.bin'), Buffer.alloc(200_000, 7));
      cutting = await startStaticServer({ root: dir, cutAfterBytes: 1000 });
      failing = await startStaticServer({ root: dir, failWithStatus: 500 });
    });
    afterAll(async () => {
      await cutting.close();
      await failing.close();
    });
    const recorder = () => {
      const faults: [string, string][] = [];
      return { faults, onFault: (url: string, p: string) => void faults.push([url, p]) };
    };

    it('a connection cut mid-body', async () => {
      const { faults, onFault } = recorder();
      const url = `${cutting.origin}/big.bin`;
      // The body is read whole before the response is handed on, so the fetch itself fails.
      await expect(
        rangeFetch(fetch, { onFault })(url, { headers: { Range: 'bytes=0-99999' } }),
      ).rejects.toThrow();
      expect(faults).toEqual([
        [
          url,
          `the connection to ${new URL(url).host} was cut before its 100000 bytes of a range request`,
        ],
      ]);
    });

    it('a body that ends short of its Content-Length without an error', async () => {
      const { faults, onFault } = recorder();
      const short: typeof fetch = () =>
        Promise.resolve(
          new Response('0123456789', { status: 206, headers: { 'Content-Length': '100' } }),
        );
      await expect(
        rangeFetch(short, { onFault })('https://h.example/a', { headers: { Range: 'bytes=0-99' } }),
      ).rejects.toThrow('cut after 10 of 100 bytes');
      expect(faults).toEqual([
        [
          'https://h.example/a',
          'the connection to h.example was cut after 10 of 100 bytes of a range request',
        ],
      ]);
    });

    it('nothing for a read the page gave up on, and a body without a length', async () => {
      const { faults, onFault } = recorder();
      const controller = new AbortController();
      const failingBody =
        (abort: boolean): typeof fetch =>
        () => {
          if (abort) controller.abort();
          const body = new ReadableStream({ pull: (c) => c.error(new Error('gone')) });
          return Promise.resolve(new Response(body, { status: 206 }));
        };
      const init = { headers: { Range: 'bytes=0-99' }, signal: controller.signal };
      await expect(
        rangeFetch(failingBody(true), { onFault })('https://h.example/a', init),
      ).rejects.toThrow();
      expect(faults).toEqual([]);
      await expect(
        rangeFetch(failingBody(false), { onFault })('https://h.example/b', {
          headers: { Range: 'bytes=0-99' },
        }),
      ).rejects.toThrow('gone');
      expect(faults).toEqual([
        [
          'https://h.example/b',
          'the connection to h.example was cut before the end of a range request',
        ],
      ]);
    });

    it('an error status, and a refused connection', async () => {
      const { faults, onFault } = recorder();
      const url = `${failing.origin}/big.bin`;
      const response = await rangeFetch(fetch, { onFault })(url, {
        headers: { Range: 'bytes=0-9' },
      });
      expect(response.status).toBe(500);
      const refused: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
      await expect(
        rangeFetch(refused, { onFault })('https://gone.example/a', {
          headers: { Range: 'bytes=0-9' },
        }),
      ).rejects.toThrow('Failed to fetch');
      expect(faults).toEqual([
        [url, `${new URL(url).host} answered HTTP 500 Internal Server Error`],
        ['https://gone.example/a', 'the connection to gone.example failed'],
      ]);
    });

    it('reports nothing for a whole body', async () => {
      const { faults, onFault } = recorder();
      const response = await rangeFetch(fetch, { onFault })(`${withRanges.origin}/f.bin`, {
        headers: { Range: 'bytes=0-3' },
      });
      expect(response.url).toBe(`${withRanges.origin}/f.bin`);
      expect(await response.text()).toBe('PAR1');
      expect(faults).toEqual([]);
    });
  });
});
