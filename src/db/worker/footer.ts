import { chunkLayout, type ChunkLayout } from './chunk-layout';
import { footerTail } from './page-index';
import type { ShardRef } from './parquet-protocol';
import { shardKey } from './shard-files';

/** Enough last bytes for most footers in one request; a larger one costs a second. */
const TAIL_BYTES = 64 * 1024;

async function lastBytes(shard: ShardRef, count: number): Promise<Uint8Array> {
  if (shard.file) {
    const { file } = shard;
    return new Uint8Array(await file.slice(Math.max(0, file.size - count)).arrayBuffer());
  }
  if (!shard.url) throw new Error(`${shard.name}: neither a URL nor a file`);
  // The worker's fetch (worker-fetch.ts): the Hub token where it belongs, faults named.
  const response = await fetch(shard.url, {
    headers: { Range: `bytes=-${count}` },
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`${shard.name}: its footer could not be read`);
  return new Uint8Array(await response.arrayBuffer());
}

async function readFooter(shard: ShardRef): Promise<Uint8Array> {
  let tail = footerTail(await lastBytes(shard, TAIL_BYTES));
  if ('need' in tail) tail = footerTail(await lastBytes(shard, tail.need));
  if ('need' in tail) throw new Error(`${shard.name}: its footer is cut short`);
  return tail;
}

const footers = new Map<string, Promise<Uint8Array>>();
const layouts = new Map<string, Promise<ChunkLayout | undefined>>();

/**
 * The shard's last bytes, its whole footer included (one request, two for a large footer), read
 * once per worker for the page-index check and the chunk layout alike; a failed read is not kept.
 */
export function footerBytes(shard: ShardRef): Promise<Uint8Array> {
  const key = shardKey(shard);
  let footer = footers.get(key);
  if (!footer) {
    footer = readFooter(shard);
    footer.catch(() => footers.delete(key));
    footers.set(key, footer);
  }
  return footer;
}

/**
 * Where the shard's column chunks lie (chunk-layout.ts), parsed once per worker; undefined when the
 * footer cannot be read or parsed here, and the reads then go the plain way.
 */
export function shardLayout(shard: ShardRef): Promise<ChunkLayout | undefined> {
  const key = shardKey(shard);
  let layout = layouts.get(key);
  if (!layout) {
    layout = footerBytes(shard).then(chunkLayout, () => undefined);
    layouts.set(key, layout);
  }
  return layout;
}
