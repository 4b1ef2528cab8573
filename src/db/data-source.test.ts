import { describe, expect, it } from 'vitest';
import { urlSource } from './data-source';
import { describeProblem } from './dataset-error';

const base = 'https://app.example/convoscope/';

describe('urlSource', () => {
  it('resolves relative and absolute URLs and names shards by file name', async () => {
    const source = urlSource(
      ['data/train-00000-of-00006.parquet', 'https://host.example/a%20b.parquet'],
      base,
    );
    await expect(source.resolveShards()).resolves.toEqual([
      {
        name: 'train-00000-of-00006.parquet',
        url: 'https://app.example/convoscope/data/train-00000-of-00006.parquet',
      },
      { name: 'a b.parquet', url: 'https://host.example/a%20b.parquet' },
    ]);
  });

  it.each(['javascript:alert(1)', 'data:application/octet-stream,PAR1', 'file:///etc/passwd'])(
    'refuses %s with a named error',
    async (url) => {
      await expect(urlSource([url], base).resolveShards()).rejects.toThrow(
        `${url}: is not an http(s) URL`,
      );
    },
  );

  it('refuses what is not a URL at all', async () => {
    await expect(urlSource(['http://'], base).resolveShards()).rejects.toThrow(
      'is not a valid URL',
    );
  });

  it('has an identity that changes with the URLs, for query keys', () => {
    expect(urlSource(['a.parquet'], base).id).not.toBe(urlSource(['b.parquet'], base).id);
  });
});

describe('describeProblem', () => {
  it('names file, column, expected and found', () => {
    expect(
      describeProblem({
        file: 'x.parquet',
        column: 'turn',
        message: 'has the wrong type',
        expected: 'integer',
        found: 'Utf8',
      }),
    ).toBe('x.parquet: column "turn" has the wrong type (expected integer, found Utf8)');
    expect(describeProblem({ file: 'y.parquet', message: 'contains no rows' })).toBe(
      'y.parquet: contains no rows',
    );
  });
});
