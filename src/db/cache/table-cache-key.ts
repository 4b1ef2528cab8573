import type { ShardInfo, ShardRef } from '../worker/parquet-protocol';

/**
 * What makes a cached `conversations` table valid: the exact shards it was built from. Bump
 * `CACHE_FORMAT` whenever the table's columns or their derivation change, so old entries are
 * never read into a newer app.
 */
// 2: moderation entries beyond the conversation no longer count (conversation-metadata.ts).
export const CACHE_FORMAT = 2;

/** One shard as the cache knows it: a new upload under the same name changes `size` or `version`. */
export interface ShardIdentity {
  name: string;
  size: number;
  /** The host's ETag, else its Last-Modified; for a local file its lastModified time. */
  version: string;
}

export function identityOfFile(name: string, file: { size: number; lastModified: number }) {
  return { name, size: file.size, version: `modified:${file.lastModified}` } as ShardIdentity;
}

/**
 * A URL shard's identity from the headers of a whole-file HEAD (or GET) response, or null when the
 * host gives no size or no version: then a cached table could silently go stale, so none is used.
 */
export function identityFromHeaders(name: string, headers: Headers): ShardIdentity | null {
  const size = Number(headers.get('content-length') ?? NaN);
  const etag = headers.get('etag');
  const modified = headers.get('last-modified');
  const version = etag ? `etag:${etag}` : modified ? `modified:${modified}` : null;
  if (!Number.isSafeInteger(size) || size <= 0 || version === null) return null;
  return { name, size, version };
}

/** Asks each shard's host for its identity (a HEAD, no body); null when any shard has none. */
export async function shardIdentities(
  shards: readonly ShardRef[],
  doFetch: typeof fetch = fetch,
  signal?: AbortSignal,
): Promise<ShardIdentity[] | null> {
  const ids = await Promise.all(
    shards.map(async (shard): Promise<ShardIdentity | null> => {
      if (shard.file) return identityOfFile(shard.name, shard.file);
      if (!shard.url) return null;
      try {
        const response = await doFetch(shard.url, { method: 'HEAD', cache: 'no-store', signal });
        return response.ok ? identityFromHeaders(shard.name, response.headers) : null;
      } catch {
        signal?.throwIfAborted();
        return null; // the build's own probe reports what is wrong with the host
      }
    }),
  );
  return ids.every((id) => id !== null) ? ids : null;
}

/** The entry's name: a hash of the format and every shard's identity, in order. */
export async function cacheKey(ids: readonly ShardIdentity[]): Promise<string> {
  const text = JSON.stringify({ format: CACHE_FORMAT, shards: ids });
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** `meta.json` of a cache entry, written after its chunks, so a half-written entry has none. */
export interface CacheMeta {
  format: number;
  shards: ShardIdentity[];
  /** What the viewer needs to read conversations: each shard's rows, leaves and row groups. */
  infos: ShardInfo[];
  rows: number;
  /** Bytes the original build read from the shards (shown beside the cached size). */
  builtFromBytes: number;
  chunks: { file: string; bytes: number; rows: number }[];
  storedAt: number;
}

/** The stored meta, if it belongs to exactly these shards and this format. */
export function usableMeta(meta: unknown, ids: readonly ShardIdentity[]): CacheMeta | null {
  if (typeof meta !== 'object' || meta === null) return null;
  const m = meta as Partial<CacheMeta>;
  if (m.format !== CACHE_FORMAT || !Array.isArray(m.shards) || !Array.isArray(m.chunks))
    return null;
  if (!Array.isArray(m.infos) || m.infos.length !== ids.length || typeof m.rows !== 'number')
    return null;
  const same =
    m.shards.length === ids.length &&
    m.shards.every(
      (s, i) => s.name === ids[i]!.name && s.size === ids[i]!.size && s.version === ids[i]!.version,
    );
  return same ? (m as CacheMeta) : null;
}
