import { shardLayout } from '../footer';
import { metadataRows } from '../metadata-read';
import type { MetadataTask, WorkerResults } from '../parquet-protocol';
import { prefetch } from '../range-cache';
import { readRowGroup, withRowGroup } from '../shard-files';
import { fetchSpan } from '../worker-fetch';

/** A build task's `conversations` rows (metadata-read.ts), its bytes fetched ahead over HTTP. */
export function metadata(task: MetadataTask): Promise<WorkerResults['metadata']> {
  return metadataRows(task, {
    layout: shardLayout,
    read: readRowGroup,
    withRead: withRowGroup,
    prefetch: (shard, pieces) => (shard.url ? prefetch(shard.url, pieces, fetchSpan) : undefined),
  });
}
