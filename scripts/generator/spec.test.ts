import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './cli-args';
import { LANGUAGES } from './languages';
import { MODELS } from './models';
import { PARENT_SHARES, parentMix } from './moderation-spec';
import { planShards, shardName } from './shards';
import { TEXT_PACK_IDS, TEXT_PACKS } from './text/packs';

describe('generator specification', () => {
  it('lists 25 distinct models whose counts add up to the published 1,000,000', () => {
    expect(new Set(MODELS.map((m) => m.name)).size).toBe(25);
    expect(MODELS.map((m) => m.name)).toContain('RWKV-4-Raven-14B');
    expect(MODELS.reduce((sum, m) => sum + m.conversations, 0)).toBe(1_000_000);
    for (const m of MODELS) expect(m.success).toBeLessThan(m.attempt);
  });

  it('expects about 5.4% flagged conversations from the per-model rates', () => {
    const flagged = MODELS.reduce(
      (sum, m) => sum + m.conversations * (m.attempt + 0.15 * m.success),
      0,
    );
    expect(flagged / 1_000_000).toBeCloseTo(0.054, 3);
  });

  it('has more than 150 distinct languages with weights summing to 1', () => {
    expect(new Set(LANGUAGES.map((l) => l.name)).size).toBe(LANGUAGES.length);
    expect(LANGUAGES.length).toBeGreaterThan(150);
    expect(LANGUAGES.reduce((sum, l) => sum + l.weight, 0)).toBeCloseTo(1, 9);
    expect(Math.min(...LANGUAGES.map((l) => l.weight))).toBeGreaterThan(5e-5);
  });

  it('mixes parent categories so that each marginal equals its published share', () => {
    const mix = parentMix();
    expect(mix.reduce((sum, p) => sum + p.primary, 0)).toBeCloseTo(1, 9);
    mix.forEach((p, i) => {
      const marginal = p.primary + (1 - p.primary) * p.extra;
      expect(marginal).toBeCloseTo(PARENT_SHARES[i]?.share ?? NaN, 9);
    });
  });

  it('gives every text pack non-empty pools and names only in the named pools', () => {
    for (const id of TEXT_PACK_IDS) {
      const pack = TEXT_PACKS[id];
      for (const [key, value] of Object.entries(pack)) {
        if (Array.isArray(value)) expect(value.length, `${id}.${key}`).toBeGreaterThan(0);
      }
      const unnamed = [...pack.prompts, ...pack.openers, ...pack.sentences, ...pack.followUps];
      expect(unnamed.filter((s) => s.includes('{N'))).toEqual([]);
      expect(pack.namedPrompts.every((s) => s.includes('{N1}'))).toBe(true);
    }
  });
});

describe('shards', () => {
  it('names shards like the real dataset', () => {
    expect(shardName(0, 6)).toBe('train-00000-of-00006.parquet');
    expect(shardName(11, 12)).toBe('train-00011-of-00012.parquet');
  });

  it('splits rows contiguously and as evenly as possible', () => {
    const plans = planShards(10, 3);
    expect(plans.map((p) => [p.start, p.end])).toEqual([
      [0, 4],
      [4, 7],
      [7, 10],
    ]);
  });
});

describe('command line', () => {
  const base = ['--rows', '100', '--shards', '2', '--seed', '7', '--out', '/tmp/x'];

  it('parses all options, with the hub layout by default', () => {
    expect(parseCliArgs(base)).toEqual({
      rows: 100,
      shards: 2,
      seed: 7,
      outDir: '/tmp/x',
      rowGroupSize: 1_000,
      compression: 'snappy',
      layout: 'hub',
      shape: 'lmsys',
    });
    expect(parseCliArgs([...base, '--row-group-size', '500'])?.rowGroupSize).toBe(500);
    expect(parseCliArgs([...base, '--shape', 'wildchat'])?.shape).toBe('wildchat');
    expect(parseCliArgs(['--help'])).toBeNull();
  });

  it('takes codec, row groups and shard count from the layout unless overridden', () => {
    const noShards = ['--rows', '1000000', '--seed', '1', '--out', 'x'];
    expect(parseCliArgs(noShards)).toMatchObject({ shards: 6, rowGroupSize: 1_000 });
    expect(parseCliArgs([...noShards, '--layout', 'compact'])).toMatchObject({
      layout: 'compact',
      compression: 'zstd',
      rowGroupSize: 10_240,
      shards: 6,
    });
    // giant: one row group per file, as large as the largest file.
    expect(parseCliArgs([...noShards, '--layout', 'giant'])).toMatchObject({
      compression: 'snappy',
      rowGroupSize: 166_667,
    });
    expect(parseCliArgs([...base, '--layout', 'giant'])?.rowGroupSize).toBe(50);
    expect(
      parseCliArgs([
        ...base,
        '--layout',
        'compact',
        '--compression',
        'snappy',
        '--row-group-size',
        '9',
      ]),
    ).toMatchObject({ compression: 'snappy', rowGroupSize: 9 });
    expect(parseCliArgs(['--rows', '4', '--seed', '1', '--out', 'x'])?.shards).toBe(4);
  });

  it.each([
    [['--rows', '100', '--shards', '2', '--seed', '7'], /missing --out/],
    [['--rows', '1e3', '--shards', '2', '--seed', '7', '--out', 'x'], /--rows must be an integer/],
    [
      ['--rows', '0', '--shards', '1', '--seed', '7', '--out', 'x'],
      /--rows must be an integer >= 1/,
    ],
    [['--rows', '5', '--shards', '6', '--seed', '7', '--out', 'x'], /must not exceed/],
    [[...base, '--seed', '-1'], /--seed/],
    [[...base, '--colour', 'red'], /Unknown option/],
    [[...base, '--shape', 'sharegpt'], /--shape must be one of lmsys, wildchat/],
    [[...base, '--layout', 'tiny'], /--layout must be one of hub, compact, giant/],
    [[...base, '--compression', 'gzip'], /--compression must be one of snappy, zstd/],
    [[...base, '--layout'], /--layout/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
