import { describe, expect, it } from 'vitest';
import type { ShardInfo } from '../worker/parquet-protocol';
import {
  CACHE_FORMAT,
  cacheKey,
  identityFromHeaders,
  identityOfFile,
  shardIdentities,
  usableMeta,
  type CacheMeta,
  type ShardIdentity,
} from './table-cache-key';
import { NO_OPTIONAL_COLUMNS } from '../build/schema-adapter';

const a: ShardIdentity = { name: 'train-0.parquet', size: 1000, version: 'etag:"abc"' };
const b: ShardIdentity = { name: 'train-1.parquet', size: 2000, version: 'etag:"def"' };
const info: ShardInfo = {
  rows: 10,
  columns: {
    metadataLeaves: ['model'],
    conversationLeaves: [],
    hasRedacted: false,
    shape: 'lmsys',
    present: NO_OPTIONAL_COLUMNS,
    signature: [],
  },
  rowGroups: [{ rows: 10, metadataBytes: 5, textBytes: 7 }],
};
const meta = (shards: ShardIdentity[]): CacheMeta => ({
  format: CACHE_FORMAT,
  shards,
  infos: shards.map(() => info),
  rows: 10 * shards.length,
  builtFromBytes: 99,
  chunks: [{ file: 'chunk-0.arrow', bytes: 10, rows: 10 * shards.length }],
  storedAt: 1,
});

describe('shard identity', () => {
  it('takes size and ETag (else Last-Modified) from a response, or gives none', () => {
    const headers = (h: Record<string, string>) => new Headers(h);
    expect(
      identityFromHeaders(
        's',
        headers({ 'content-length': '12', etag: '"x"', 'last-modified': 'M' }),
      ),
    ).toEqual({ name: 's', size: 12, version: 'etag:"x"' });
    expect(
      identityFromHeaders('s', headers({ 'content-length': '12', 'last-modified': 'M' })),
    ).toEqual({ name: 's', size: 12, version: 'modified:M' });
    // No version: a replaced file of the same size would be served from a stale cache.
    expect(identityFromHeaders('s', headers({ 'content-length': '12' }))).toBeNull();
    expect(identityFromHeaders('s', headers({ etag: '"x"' }))).toBeNull();
  });

  it('asks URL hosts with HEAD and local files for size and modification time', async () => {
    const calls: string[] = [];
    const fakeFetch = (async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method} ${url}`);
      if (url.endsWith('missing.parquet')) return new Response(null, { status: 404 });
      return new Response(null, { headers: { 'content-length': '50', etag: `"${url.length}"` } });
    }) as typeof fetch;
    const file = new File(['12345'], 'local.parquet', { lastModified: 42 });
    const ids = await shardIdentities(
      [
        { name: 'remote.parquet', url: 'http://h/remote.parquet' },
        { name: 'local.parquet', file },
      ],
      fakeFetch,
    );
    expect(calls).toEqual(['HEAD http://h/remote.parquet']);
    expect(ids).toEqual([
      { name: 'remote.parquet', size: 50, version: 'etag:"23"' },
      identityOfFile('local.parquet', { size: 5, lastModified: 42 }),
    ]);
    const none = await shardIdentities(
      [
        { name: 'remote.parquet', url: 'http://h/remote.parquet' },
        { name: 'm', url: 'http://h/missing.parquet' },
      ],
      fakeFetch,
    );
    expect(none).toBeNull();
  });
});

describe('cache key and staleness', () => {
  it('changes with any shard identity and with order, and is stable otherwise', async () => {
    const key = await cacheKey([a, b]);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await cacheKey([{ ...a }, { ...b }])).toBe(key);
    expect(await cacheKey([b, a])).not.toBe(key);
    expect(await cacheKey([{ ...a, size: 1001 }, b])).not.toBe(key);
    expect(await cacheKey([{ ...a, version: 'etag:"new"' }, b])).not.toBe(key);
    expect(await cacheKey([a])).not.toBe(key);
  });

  it('uses a stored entry only for exactly the same shards and format', () => {
    expect(usableMeta(meta([a, b]), [a, b])).not.toBeNull();
    expect(usableMeta(meta([a, b]), [a, { ...b, version: 'modified:later' }])).toBeNull();
    expect(usableMeta(meta([a, b]), [a, { ...b, size: 1 }])).toBeNull();
    expect(usableMeta(meta([a, b]), [a])).toBeNull();
    expect(usableMeta({ ...meta([a, b]), format: CACHE_FORMAT + 1 }, [a, b])).toBeNull();
    expect(usableMeta({ ...meta([a, b]), chunks: undefined }, [a, b])).toBeNull();
    expect(usableMeta('not json', [a, b])).toBeNull();
  });
});
