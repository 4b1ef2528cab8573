import { describe, expect, it } from 'vitest';
import { listHubParquet, parseHubUrl } from './hub-datasets';

describe('parseHubUrl', () => {
  it.each([
    [
      'https://huggingface.co/datasets/lmsys/lmsys-chat-1m',
      { kind: 'dataset', repo: 'lmsys/lmsys-chat-1m', revision: 'main', folder: '' },
    ],
    [
      'https://huggingface.co/datasets/lmsys/lmsys-chat-1m/tree/main/data',
      { kind: 'dataset', repo: 'lmsys/lmsys-chat-1m', revision: 'main', folder: 'data' },
    ],
    [
      'https://huggingface.co/datasets/allenai/WildChat-1M/viewer/default/train',
      { kind: 'dataset', repo: 'allenai/WildChat-1M', revision: 'main', folder: '' },
    ],
    [
      'https://hf.co/datasets/squad/tree/v1',
      { kind: 'dataset', repo: 'squad', revision: 'v1', folder: '' },
    ],
    [
      'hf://datasets/lmsys/lmsys-chat-1m@refs%2Fconvert%2Fparquet/default',
      {
        kind: 'dataset',
        repo: 'lmsys/lmsys-chat-1m',
        revision: 'refs%2Fconvert%2Fparquet',
        folder: 'default',
      },
    ],
  ])('expands the dataset page %s', (url, target) => {
    expect(parseHubUrl(url)).toEqual(target);
  });

  it.each([
    [
      'https://huggingface.co/datasets/lmsys/lmsys-chat-1m/resolve/main/data/train-00000-of-00006-4feeb3f83346a0e9.parquet',
      'https://huggingface.co/datasets/lmsys/lmsys-chat-1m/resolve/main/data/train-00000-of-00006-4feeb3f83346a0e9.parquet',
    ],
    [
      'https://huggingface.co/datasets/lmsys/lmsys-chat-1m/blob/main/data/a.parquet',
      'https://huggingface.co/datasets/lmsys/lmsys-chat-1m/resolve/main/data/a.parquet',
    ],
    [
      'hf://datasets/lmsys/lmsys-chat-1m/data/a.parquet',
      'https://huggingface.co/datasets/lmsys/lmsys-chat-1m/resolve/main/data/a.parquet',
    ],
  ])('keeps one file %s as its resolve URL', (url, resolved) => {
    expect(parseHubUrl(url)).toEqual({ kind: 'file', url: resolved });
  });

  it.each([
    'https://host.example/datasets/a/b',
    'http://huggingface.co/datasets/a/b',
    'https://huggingface.co/lmsys/vicuna-13b-v1.5',
    'https://huggingface.co/datasets',
    'https://huggingface.co.evil.example/datasets/a/b',
    'not a url',
  ])('leaves %s alone', (url) => {
    expect(parseHubUrl(url)).toBeNull();
  });
});

describe('listHubParquet', () => {
  const target = {
    kind: 'dataset',
    repo: 'lmsys/lmsys-chat-1m',
    revision: 'main',
    folder: '',
  } as const;
  const answering =
    (routes: Record<string, Response | (() => Response)>, asked: string[] = []): typeof fetch =>
    async (input) => {
      const url = String(input);
      asked.push(url);
      const found = routes[url];
      return typeof found === 'function' ? found() : (found ?? new Response('', { status: 404 }));
    };
  const json = (value: unknown) => new Response(JSON.stringify(value));
  const TREE = 'https://huggingface.co/api/datasets/lmsys/lmsys-chat-1m/tree/main?recursive=true';

  it("lists the repo's parquet files, sorted, as resolve URLs", async () => {
    const files = await listHubParquet(
      target,
      answering({
        [TREE]: json([
          { type: 'file', path: 'data/train-00001-of-00002.parquet' },
          { type: 'file', path: 'README.md' },
          { type: 'directory', path: 'data' },
          { type: 'file', path: 'data/train-00000-of-00002.parquet' },
        ]),
      }),
    );
    expect(files).toEqual([
      {
        name: 'train-00000-of-00002.parquet',
        url: 'https://huggingface.co/datasets/lmsys/lmsys-chat-1m/resolve/main/data/train-00000-of-00002.parquet',
      },
      {
        name: 'train-00001-of-00002.parquet',
        url: 'https://huggingface.co/datasets/lmsys/lmsys-chat-1m/resolve/main/data/train-00001-of-00002.parquet',
      },
    ]);
  });

  it("falls back to the Hub's parquet conversion, train split of the default config", async () => {
    const files = await listHubParquet(
      target,
      answering({
        [TREE]: json([{ type: 'file', path: 'data.jsonl' }]),
        'https://huggingface.co/api/datasets/lmsys/lmsys-chat-1m/parquet': json({
          default: {
            test: ['https://huggingface.co/api/datasets/x/parquet/default/test/0.parquet'],
            train: ['https://huggingface.co/api/datasets/x/parquet/default/train/0.parquet'],
          },
        }),
      }),
    );
    expect(files).toEqual([
      {
        name: 'train/0.parquet',
        url: 'https://huggingface.co/api/datasets/x/parquet/default/train/0.parquet',
      },
    ]);
  });

  it.each([
    [401, 'is gated or private (HTTP 401): enter a Hugging Face access token'],
    [403, "refused the access token (HTTP 403): accept the dataset's conditions"],
    [404, 'was not found on the Hub (HTTP 404)'],
  ])('explains a %s from the Hub, naming the dataset', async (status, message) => {
    await expect(
      listHubParquet(target, answering({ [TREE]: () => new Response('', { status }) })),
    ).rejects.toThrow(`https://huggingface.co/datasets/lmsys/lmsys-chat-1m: ${message}`);
  });

  it('says when the Hub cannot be reached', async () => {
    await expect(
      listHubParquet(target, () => Promise.reject(new TypeError('Failed to fetch'))),
    ).rejects.toThrow('could not be listed: huggingface.co is unreachable from this page');
  });
});
