import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../serve-range';
import { LinkShaper, parseLinkProfile } from './link-shaper';

describe('parseLinkProfile', () => {
  it('reads bandwidth in decimal bits a second and latency in ms', () => {
    expect(parseLinkProfile('50mbit,40ms')).toEqual({
      label: '50mbit,40ms',
      link: { bytesPerSecond: 6_250_000, latencyMs: 40 },
    });
    expect(parseLinkProfile('10mbit,100ms').link).toEqual({
      bytesPerSecond: 1_250_000,
      latencyMs: 100,
    });
    expect(parseLinkProfile(' 1.5Gbit, 0ms ')).toEqual({
      label: '1.5gbit,0ms',
      link: { bytesPerSecond: 187_500_000, latencyMs: 0 },
    });
    expect(parseLinkProfile('800kbit,250ms').link?.bytesPerSecond).toBe(100_000);
  });

  it('reads loopback as no shaping', () => {
    expect(parseLinkProfile('loopback')).toEqual({ label: 'loopback' });
  });

  it('refuses anything else with the expected syntax', () => {
    for (const bad of [
      '',
      '50mbit',
      '50mb,40ms',
      '50mbit,40s',
      '40ms,50mbit',
      'fast',
      '-5mbit,1ms',
    ]) {
      expect(() => parseLinkProfile(bad), bad).toThrow(/BANDWIDTH,LATENCY such as 50mbit,40ms/);
    }
    expect(() => parseLinkProfile('0mbit,40ms')).toThrow(/at least 8 bits/);
    expect(() => parseLinkProfile('50mbit,90000ms')).toThrow(/at most 60000 ms/);
  });
});

describe('LinkShaper', () => {
  it('keeps to its rate when timers fire late', async () => {
    const link = new LinkShaper(100_000);
    const started = performance.now();
    for (let i = 0; i < 50; i++) await link.send(500);
    // 25,000 bytes at 100,000 a second.
    const ms = performance.now() - started;
    expect(ms).toBeGreaterThan(200);
    expect(ms).toBeLessThan(600);
  });
});

/** Times one GET: until its response headers, and until its last byte. */
function timedGet(
  origin: string,
  range: string,
): Promise<{ firstMs: number; ms: number; bytes: number }> {
  const started = performance.now();
  return new Promise((ok, fail) => {
    const req = request(`${origin}/data.parquet`, { headers: { Range: range } }, (res) => {
      const firstMs = performance.now() - started;
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => ok({ firstMs, ms: performance.now() - started, bytes }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('startStaticServer network', () => {
  const SIZE = 100_000;
  let dir: string;
  const servers: StaticServer[] = [];
  const start = async (network: { bytesPerSecond: number; latencyMs: number }) => {
    const s = await startStaticServer({ root: dir, network });
    servers.push(s);
    return s;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'link-shaper-'));
    await writeFile(join(dir, 'data.parquet'), Buffer.alloc(SIZE, 7));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('shares its bandwidth among concurrent responses', async () => {
    // 1.6 Mbit/s is 200,000 bytes a second: one 100 kB body takes half a second alone, two at
    // once a second together (each would take half a second with a rate of its own).
    const server = await start({ bytesPerSecond: 200_000, latencyMs: 0 });
    const alone = await timedGet(server.origin, `bytes=0-${SIZE - 1}`);
    expect(alone.bytes).toBe(SIZE);
    expect(alone.ms).toBeGreaterThan(400);
    const started = performance.now();
    const pair = await Promise.all([
      timedGet(server.origin, `bytes=0-${SIZE - 1}`),
      timedGet(server.origin, `bytes=0-${SIZE - 1}`),
    ]);
    const together = performance.now() - started;
    expect(pair.map((r) => r.bytes)).toEqual([SIZE, SIZE]);
    expect(together).toBeGreaterThan(900);
    expect(together).toBeLessThan(2500);
    // Interleaved, not one after the other: neither finishes in the time of one alone.
    for (const r of pair) expect(r.ms).toBeGreaterThan(800);
  });

  it('delays each response by the latency before its first byte', async () => {
    const server = await start({ bytesPerSecond: 1e9, latencyMs: 150 });
    const first = await timedGet(server.origin, 'bytes=0-9');
    const second = await timedGet(server.origin, 'bytes=10-19');
    for (const r of [first, second]) {
      expect(r.bytes).toBe(10);
      expect(r.firstMs).toBeGreaterThan(140);
      expect(r.firstMs).toBeLessThan(600);
    }
  });
});
