import { afterEach, describe, expect, it } from 'vitest';
import { fileSource, urlSource } from './data-source';
import { setHubToken } from './hub-auth';
import { describeProblem } from '../engine/dataset-error';

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

describe('urlSource with Hugging Face addresses', () => {
  afterEach(() => setHubToken(null));

  it('expands a dataset page into its parquet files, listing them with the token', async () => {
    const asked: Request[] = [];
    const hub: typeof fetch = async (input, init) => {
      asked.push(new Request(input, init));
      return new Response(JSON.stringify([{ type: 'file', path: 'data/train-0.parquet' }]));
    };
    setHubToken('hf_secret');
    const page = 'https://huggingface.co/datasets/lmsys/lmsys-chat-1m';
    const source = urlSource([page], base, hub);
    expect(source.label).toBe('lmsys/lmsys-chat-1m');
    expect(source.link).toEqual([page]);
    await expect(source.resolveShards()).resolves.toEqual([
      {
        name: 'train-0.parquet',
        url: 'https://huggingface.co/datasets/lmsys/lmsys-chat-1m/resolve/main/data/train-0.parquet',
      },
    ]);
    expect(asked[0]!.headers.get('Authorization')).toBe('Bearer hf_secret');
  });

  it('turns a blob page into the file it shows', async () => {
    const source = urlSource(['https://huggingface.co/datasets/a/b/blob/main/x.parquet'], base);
    await expect(source.resolveShards()).resolves.toEqual([
      { name: 'x.parquet', url: 'https://huggingface.co/datasets/a/b/resolve/main/x.parquet' },
    ]);
  });
});

describe('fileSource', () => {
  const file = (name: string, text = 'PAR1') => new File([text], name, { lastModified: 1 });

  it('names shards by file, in name order, and keeps the File handles (no copies)', async () => {
    const b = file('train-1.parquet');
    const a = file('train-0.parquet');
    const source = fileSource([b, a]);
    const shards = await source.resolveShards();
    expect(shards.map((s) => s.name)).toEqual(['train-0.parquet', 'train-1.parquet']);
    expect(shards[0]!.file).toBe(a);
    expect(shards[1]!.file).toBe(b);
    expect(source.label).toBe('2 local files');
    expect(source.link).toBeNull();
    expect(fileSource([a]).label).toBe('train-0.parquet');
  });

  it('has an identity from names, sizes and dates, whatever the order', () => {
    const a = file('a.parquet');
    const b = file('b.parquet');
    expect(fileSource([a, b]).id).toBe(fileSource([b, a]).id);
    expect(fileSource([a]).id).not.toBe(fileSource([file('a.parquet', 'PAR1 longer')]).id);
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
