import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseRange,
  startStaticServer,
  type RequestLogEntry,
  type StaticServer,
} from './serve-range';

type RawResponse = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** node:http rather than fetch, which would normalise `..` away before it reaches the server. */
function raw(
  origin: string,
  path: string,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((ok, fail) => {
    const req = request({
      hostname,
      port,
      path,
      method: init.method ?? 'GET',
      headers: init.headers,
    });
    const chunks: Buffer[] = [];
    const lost = () =>
      fail(new Error(`connection lost after ${Buffer.concat(chunks).length} bytes`));
    req.on('response', (res) => {
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', lost);
      res.on('close', () => !res.complete && lost());
    });
    req.on('error', (error) => (chunks.length > 0 ? lost() : fail(error)));
    req.end();
  });
}

const DATA = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
let dir: string;
let root: string;
let server: StaticServer;
let noRanges: StaticServer;
let spa: StaticServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'serve-range-'));
  root = join(dir, 'root');
  await mkdir(join(root, 'sub'), { recursive: true });
  await writeFile(join(root, 'data.parquet'), DATA);
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(root, 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'engine.wasm'), Buffer.from([0, 97, 115, 109]));
  await writeFile(join(root, 'sub', 'a b.json'), '{"ok":true}');
  await writeFile(join(dir, 'secret.txt'), 'do not serve');
  server = await startStaticServer({ root, headers: { 'X-Test': 'yes' } });
  noRanges = await startStaticServer({ root, ranges: false, cors: false });
  spa = await startStaticServer({ root, spa: true });
});

afterAll(async () => {
  await Promise.all([server?.close(), noRanges?.close(), spa?.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('startStaticServer', () => {
  it('answers a full GET with type, length, validators and extra headers', async () => {
    server.stats.reset();
    const res = await raw(server.origin, '/data.parquet');
    expect(res.status).toBe(200);
    expect(res.body.equals(DATA)).toBe(true);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-length']).toBe('1000');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['etag']).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(res.headers['last-modified']).toBeTruthy();
    expect(res.headers['x-test']).toBe('yes');
    expect(server.stats).toMatchObject({ requests: 1, bytes: 1000 });
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each([
    ['/app.js', 'text/javascript; charset=utf-8'],
    ['/engine.wasm', 'application/wasm'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/sub/a%20b.json', 'application/json; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const res = await raw(server.origin, path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
  });

  it.each([
    ['bytes=10-19', 10, 19],
    ['bytes=990-', 990, 999],
    ['bytes=-8', 992, 999],
    ['bytes=-5000', 0, 999],
    ['bytes=995-2000', 995, 999],
  ])('answers Range %s with 206', async (range, start, end) => {
    server.stats.reset();
    const res = await raw(server.origin, '/data.parquet', { headers: { Range: range } });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/1000`);
    expect(res.headers['content-length']).toBe(String(end - start + 1));
    expect(res.body.equals(DATA.subarray(start, end + 1))).toBe(true);
    expect(server.stats.bytes).toBe(end - start + 1);
  });

  it.each(['bytes=1000-', 'bytes=5000-6000', 'bytes=-0'])('answers %s with 416', async (range) => {
    const res = await raw(server.origin, '/data.parquet', { headers: { Range: range } });
    expect(res.status).toBe(416);
    expect(res.headers['content-range']).toBe('bytes */1000');
  });

  it('ignores malformed or multiple ranges', async () => {
    for (const range of ['items=0-1', 'bytes=5-2', 'bytes=0-1,5-6']) {
      const res = await raw(server.origin, '/data.parquet', { headers: { Range: range } });
      expect(res.status).toBe(200);
      expect(res.body.length).toBe(1000);
    }
  });

  it('answers HEAD with headers and no body', async () => {
    server.stats.reset();
    const res = await raw(server.origin, '/data.parquet', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe('1000');
    expect(res.body.length).toBe(0);
    const ranged = await raw(server.origin, '/data.parquet', {
      method: 'HEAD',
      headers: { Range: 'bytes=-8' },
    });
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-range']).toBe('bytes 992-999/1000');
    expect(server.stats.bytes).toBe(0);
  });

  it('answers If-None-Match with 304', async () => {
    const first = await raw(server.origin, '/data.parquet');
    const etag = String(first.headers['etag']);
    const res = await raw(server.origin, '/data.parquet', { headers: { 'If-None-Match': etag } });
    expect(res.status).toBe(304);
    expect(res.body.length).toBe(0);
  });

  it('sends CORS headers and answers preflight', async () => {
    const res = await raw(server.origin, '/data.parquet', { headers: { Range: 'bytes=0-0' } });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const exposed = String(res.headers['access-control-expose-headers']);
    for (const h of ['Content-Range', 'Content-Length', 'Accept-Ranges', 'ETag', 'Last-Modified']) {
      expect(exposed).toContain(h);
    }
    const pre = await raw(server.origin, '/data.parquet', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://elsewhere.test',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'range',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('*');
    expect(pre.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
    expect(pre.headers['access-control-allow-headers']).toBe('Range, Authorization, If-None-Match');
  });

  it('refuses paths outside root', async () => {
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/sub/..%2f..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const res = await raw(server.origin, path);
      expect(res.status, path).toBe(404);
      expect(res.body.toString()).not.toContain('do not serve');
    }
  });

  it('answers 404 for missing files and 405 for other methods', async () => {
    expect((await raw(server.origin, '/missing.parquet')).status).toBe(404);
    expect((await raw(server.origin, '/some/route')).status).toBe(404);
    expect((await raw(server.origin, '/data.parquet', { method: 'POST' })).status).toBe(405);
  });

  it('serves index.html for a directory', async () => {
    const res = await raw(server.origin, '/');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('<title>app</title>');
  });

  it('with ranges: false answers 200 with the whole file and no CORS when cors: false', async () => {
    const res = await raw(noRanges.origin, '/data.parquet', { headers: { Range: 'bytes=-8' } });
    expect(res.status).toBe(200);
    expect(res.body.equals(DATA)).toBe(true);
    expect(res.headers['content-range']).toBeUndefined();
    expect(res.headers['accept-ranges']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await raw(noRanges.origin, '/data.parquet', { method: 'OPTIONS' });
    expect(pre.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('with spa: true serves index.html for unknown routes but 404 for missing files', async () => {
    const route = await raw(spa.origin, '/conversations/42?model=x');
    expect(route.status).toBe(200);
    expect(route.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(route.body.toString()).toContain('<title>app</title>');
    expect((await raw(spa.origin, '/assets/missing.js')).status).toBe(404);
    expect((await raw(spa.origin, '/../secret')).status).not.toBe(500);
  });

  it('closes while a connection is open', async () => {
    const extra = await startStaticServer({ root });
    await raw(extra.origin, '/data.parquet');
    await extra.close();
    await expect(raw(extra.origin, '/data.parquet')).rejects.toThrow();
  });

  it('parseRange handles the edge cases', () => {
    expect(parseRange(undefined, 10)).toBeNull();
    expect(parseRange('bytes=-', 10)).toBeNull();
    expect(parseRange('bytes=0-0', 10)).toEqual({ start: 0, end: 0 });
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
    expect(parseRange('bytes=-3', 0)).toBe('unsatisfiable');
  });

  it('onRequest reports each finished response with its range and body bytes', async () => {
    const entries: RequestLogEntry[] = [];
    const traced = await startStaticServer({ root, onRequest: (e) => entries.push(e) });
    try {
      await raw(traced.origin, '/data.parquet', { headers: { Range: 'bytes=-8' } });
      await raw(traced.origin, '/missing');
      await new Promise((r) => setTimeout(r, 20));
      expect(entries).toMatchObject([
        {
          method: 'GET',
          path: '/data.parquet',
          range: 'bytes=-8',
          authorization: false,
          status: 206,
          bytes: 8,
        },
        { method: 'GET', path: '/missing', range: null, status: 404, bytes: 0 },
      ]);
    } finally {
      await traced.close();
    }
  });
});

describe('startStaticServer faults', () => {
  const servers: StaticServer[] = [];
  const start = async (opts: Omit<Parameters<typeof startStaticServer>[0], 'root'>) => {
    const s = await startStaticServer({ root, ...opts });
    servers.push(s);
    return s;
  };
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  it('failWithStatus answers every file request with that status', async () => {
    const failing = await start({ failWithStatus: 500 });
    expect((await raw(failing.origin, '/data.parquet')).status).toBe(500);
    const pre = await raw(failing.origin, '/data.parquet', { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
  });

  it('requireBearer wants the exact token and lets preflights through', async () => {
    const entries: RequestLogEntry[] = [];
    const guarded = await start({ requireBearer: 'sesame', onRequest: (e) => entries.push(e) });
    const none = await raw(guarded.origin, '/data.parquet');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    const wrong = await raw(guarded.origin, '/data.parquet', {
      headers: { Authorization: 'Bearer open' },
    });
    expect(wrong.status).toBe(401);
    const right = await raw(guarded.origin, '/data.parquet', {
      headers: { Authorization: 'Bearer sesame', Range: 'bytes=0-9' },
    });
    expect(right.status).toBe(206);
    expect(right.body.equals(DATA.subarray(0, 10))).toBe(true);
    expect((await raw(guarded.origin, '/data.parquet', { method: 'OPTIONS' })).status).toBe(204);
    await new Promise((r) => setTimeout(r, 20));
    expect(entries.map((e) => e.authorization)).toEqual([false, true, true, false]);
  });

  it('cutAfterBytes destroys the connection after that many body bytes', async () => {
    const cutting = await start({ cutAfterBytes: 100 });
    await expect(
      raw(cutting.origin, '/data.parquet', { headers: { Range: 'bytes=0-499' } }),
    ).rejects.toThrow('connection lost after 100 bytes');
    // Short bodies are whole.
    const small = await raw(cutting.origin, '/data.parquet', { headers: { Range: 'bytes=-8' } });
    expect(small.body.equals(DATA.subarray(992))).toBe(true);
  });

  it('bytesPerSecond throttles the body and still sends all of it', async () => {
    const slow = await start({ bytesPerSecond: 2000 });
    const started = performance.now();
    const res = await raw(slow.origin, '/data.parquet');
    expect(res.body.equals(DATA)).toBe(true);
    // 1000 bytes at 2000 a second: half a second, give or take a timer.
    expect(performance.now() - started).toBeGreaterThan(300);
  });

  it('redirectTo sends every file request to the same path on another origin', async () => {
    const moving = await start({ redirectTo: server.origin });
    const res = await raw(moving.origin, '/sub/a%20b.json?x=1');
    expect(res.status).toBe(302);
    expect(res.headers['location']).toBe(`${server.origin}/sub/a%20b.json?x=1`);
  });
});
