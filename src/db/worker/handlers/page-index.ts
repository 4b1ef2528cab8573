import { footerBytes } from '../footer';
import { hasOffsetIndex } from '../page-index';
import type { ShardRef, WorkerResults } from '../parquet-protocol';

/** Whether the shard's footer points at an offset index (page-index.ts). */
export async function pageIndex(shard: ShardRef): Promise<WorkerResults['page-index']> {
  return { offsetIndex: hasOffsetIndex(await footerBytes(shard)) };
}
