import { footerTail, hasOffsetIndex } from '../page-index';
import type { ShardRef, WorkerResults } from '../parquet-protocol';

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

/** Whether the shard's footer points at an offset index (page-index.ts). */
export async function pageIndex(shard: ShardRef): Promise<WorkerResults['page-index']> {
  let tail = footerTail(await lastBytes(shard, TAIL_BYTES));
  if ('need' in tail) tail = footerTail(await lastBytes(shard, tail.need));
  if ('need' in tail) throw new Error(`${shard.name}: its footer is cut short`);
  return { offsetIndex: hasOffsetIndex(tail) };
}
