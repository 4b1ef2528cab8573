import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBenchArgs } from './args';
import { appUrl } from './browser';
import { GENERATOR_VERSION } from '../generator/manifest';
import { cacheDir, ensureDataset, generation } from './dataset';
import {
  descendants,
  MemorySampler,
  parsePpid,
  parsePssKb,
  parseVmRssKb,
  treeMemory,
} from './process-tree';
import { formatDatasetLine, formatTable, median, summarize } from './report';
import type { BenchStep } from './steps';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('parseBenchArgs', () => {
  it('has the documented defaults', () => {
    expect(parseBenchArgs([])).toEqual({
      rows: 1_000_000,
      layout: 'hub',
      runs: 3,
      json: '.cache/bench/results.json',
      skipNative: false,
      build: true,
      strict: false,
      trace: false,
      network: 'loopback',
    });
  });

  it('reads a network profile for the data server', () => {
    expect(parseBenchArgs(['--network', '50mbit,40ms'])).toMatchObject({
      network: '50mbit,40ms',
      link: { bytesPerSecond: 6_250_000, latencyMs: 40 },
    });
    expect(parseBenchArgs(['--network', '10Mbit,100ms']).network).toBe('10mbit,100ms');
    const back = parseBenchArgs(['--network', '50mbit,40ms', '--network', 'loopback']);
    expect(back.network).toBe('loopback');
    expect(back.link).toBeUndefined();
    expect(() => parseBenchArgs(['--network', '50mbps'])).toThrow(
      /--network: a network profile is loopback, or BANDWIDTH,LATENCY/,
    );
    expect(() => parseBenchArgs(['--network'])).toThrow(/--network needs a value/);
  });

  it('reads every flag and refuses bad ones', () => {
    const args = parseBenchArgs(['--rows', '20_000', '--runs', '1', '--skip-native', '--no-build']);
    expect(args).toMatchObject({ rows: 20_000, runs: 1, skipNative: true, build: false });
    expect(parseBenchArgs(['--app-dir', '/tmp/x']).build).toBe(false);
    expect(() => parseBenchArgs(['--rows', '0'])).toThrow(/positive/);
    expect(() => parseBenchArgs(['--runs'])).toThrow(/needs a value/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown argument/);
  });

  it('picks a layout', () => {
    expect(parseBenchArgs(['--layout', 'compact']).layout).toBe('compact');
    expect(parseBenchArgs(['--rows', '6000', '--layout', 'giant'])).toMatchObject({
      rows: 6_000,
      layout: 'giant',
    });
    expect(() => parseBenchArgs(['--layout', 'small'])).toThrow(/--layout must be one of/);
    expect(() => parseBenchArgs(['--layout'])).toThrow(/needs a value/);
  });
});

describe('dataset cache', () => {
  it('keeps each row count and layout in its own folder', () => {
    expect(cacheDir('/repo', 1_000_000, 'hub')).toBe('/repo/.cache/bench/lmsys-1m-hub');
    expect(cacheDir('/repo', 20_000, 'compact')).toBe('/repo/.cache/bench/lmsys-20000-compact');
  });

  it('generates each layout with its codec, row groups and six files', () => {
    expect(generation(1_000_000, 'hub')).toEqual({
      shards: 6,
      compression: 'snappy',
      rowGroupSize: 1_000,
    });
    expect(generation(1_000_000, 'compact')).toMatchObject({
      compression: 'zstd',
      rowGroupSize: 10_240,
    });
    expect(generation(1_000_000, 'giant')).toMatchObject({ rowGroupSize: 166_667 });
    expect(generation(4, 'hub').shards).toBe(4);
  });

  async function cachedFolder(manifestFields: Record<string, unknown>) {
    const repo = await mkdtemp(join(tmpdir(), 'bench-cache-'));
    dirs.push(repo);
    const dir = cacheDir(repo, 60, 'giant');
    await mkdir(dir, { recursive: true });
    const files = Array.from({ length: 6 }, (_, i) => ({
      name: `s${i}.parquet`,
      rows: 10,
      bytes: i,
    }));
    for (const f of files) await writeFile(join(dir, f.name), Buffer.alloc(f.bytes));
    const manifest = { seed: 42, rows: 60, rowGroupSize: 10, compression: 'snappy', files };
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, ...manifestFields }));
    return { repo, dir };
  }

  it('reuses a folder whose manifest and files match', async () => {
    const { repo, dir } = await cachedFolder({ generator: GENERATOR_VERSION });
    const dataset = await ensureDataset(repo, 60, 'giant', () => {});
    expect(dataset.origin).toBe('cache');
    expect(dataset.layout).toBe('giant');
    expect(dataset.rows).toBe(60);
    expect(dataset.shards.map((s) => s.rowOffset)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(dataset.shards[2]?.path).toBe(join(dir, 's2.parquet'));
  });

  it('regenerates files of an older generator', async () => {
    const { repo } = await cachedFolder({ generator: GENERATOR_VERSION - 1 });
    const dataset = await ensureDataset(repo, 60, 'giant', () => {});
    expect(dataset.origin).toBe('generated');
    expect(dataset.shards.map((s) => s.name)).toEqual(
      Array.from({ length: 6 }, (_, i) => `train-0000${i}-of-00006.parquet`),
    );
  });
});

describe('process tree', () => {
  it('parses /proc lines', () => {
    expect(parsePpid('123 (Web Content (x)) S 45 123 123 0 -1')).toBe(45);
    expect(parseVmRssKb('Name:\tx\nVmRSS:\t  2048 kB\n')).toBe(2048);
    expect(parsePssKb('Rss: 10 kB\nPss:   7 kB\nPss_Anon: 1 kB\n')).toBe(7);
  });

  it('measures this process', async () => {
    expect(await descendants([process.pid])).toContain(process.pid);
    const memory = await treeMemory([process.pid]);
    expect(memory.rss).toBeGreaterThan(10e6);
    expect(memory.pss).toBeGreaterThan(0);
    const sampler = new MemorySampler([process.pid]);
    sampler.resetPeak();
    expect((await sampler.peak()).pss).toBeGreaterThan(0);
  });
});

describe('report', () => {
  const step: BenchStep = {
    id: 'build',
    label: 'build',
    budget: { kind: 'ratio', max: 1.5 },
    nativeBytesEstimated: true,
    ours: () => Promise.resolve({ ms: 0 }),
  };

  it('summarises runs against the budget', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const memory = { rss: 900e6, pss: 400e6 };
    const summary = summarize(
      step,
      [
        { ms: 3000, bytes: 30e6, peakMemory: memory, engineMemory: 184e6 },
        { ms: 2800, bytes: 30e6, peakMemory: { rss: 1e9, pss: 300e6 }, engineMemory: 190e6 },
        { ms: 3100, bytes: 30e6 },
      ],
      [{ ms: 2000, bytes: 25e6 }],
    );
    expect(summary.ours).toEqual({ median: 3000, min: 2800, max: 3100 });
    expect(summary.ratio).toBe(1.5);
    expect(summary.pass).toBe(true);
    expect(summary.peakMemory).toEqual({ rss: 1e9, pss: 400e6 });
    const table = formatTable([summary]);
    expect(table).toContain('| build | 3.00 s');
    expect(table).toContain('1.50x');
    expect(table).toContain('30 MB / 25 MB (est.)');
    expect(table).toContain('1000 MB (400 MB) | 190 MB');
  });

  it('says above the table which layout it ran on', () => {
    const summary = summarize({ ...step, budget: { kind: 'none' } }, [{ ms: 50 }], []);
    const dataset = { rows: 1_000_000, shards: [1, 2, 3, 4, 5, 6], bytes: 1.49e9, layout: 'hub' };
    const table = formatTable([summary], formatDatasetLine(dataset));
    expect(table.split('\n')[0]).toBe('hub layout: 1,000,000 conversations, 6 files, 1490 MB');
    expect(formatDatasetLine({ ...dataset, layout: null })).toMatch(/^files of --data-dir/);
    expect(formatDatasetLine(dataset, 'loopback')).toMatch(/1490 MB; network: loopback$/);
    expect(formatDatasetLine(dataset, '50mbit,40ms')).toMatch(
      /1490 MB; network: 50mbit,40ms to the data server \(.*native reads local files\)$/,
    );
  });

  it('has no ratio or verdict without native samples', () => {
    const summary = summarize({ ...step, budget: { kind: 'none' } }, [{ ms: 50 }], []);
    expect(summary).toMatchObject({ native: null, ratio: null, pass: null });
    expect(formatTable([summary])).toContain('| 50 ms');
    expect(summary.engineMemory).toBeNull();
  });
});

it('puts one data param per shard, in order', () => {
  const url = appUrl('http://127.0.0.1:1', ['http://h/a b.parquet', 'http://h/b.parquet']);
  expect(url).toBe(
    'http://127.0.0.1:1/?data=http%3A%2F%2Fh%2Fa%20b.parquet&data=http%3A%2F%2Fh%2Fb.parquet',
  );
});
