import type { Filters } from '../../model/filters';
import { buildExportShardCountsQuery, buildExportShardRowsQuery } from '../../sql/export';
import type { Row } from '../../model/row';
import type { SqlQuery } from '../../sql/query';
import type { ParquetPool } from '../worker/parquet-pool';
import { groupByRowGroup, type RowGroupItems, type ShardLayout } from '../worker/row-groups';

/** Formats written from the shards themselves (CSV comes from `conversations`, in the feature). */
export type ShardExportFormat = 'jsonl' | 'parquet';

export interface ExportProgress {
  conversationsDone: number;
  conversationsTotal: number;
  bytesWritten: number;
}

/** Where the file goes, one chunk at a time (a FileSystemWritableFileStream, or Blob parts). */
export type ExportWrite = (chunk: Uint8Array) => Promise<void>;

export interface ShardExportOptions {
  format: ShardExportFormat;
  filters: Filters;
  write: ExportWrite;
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
}

/** JSONL row groups read ahead of the one being written: two per worker keeps both busy. */
const READ_AHEAD = 4;

type Located = { shard: number; shard_row: number };
type Query = <T extends Row>(query: SqlQuery) => Promise<T[]>;

/**
 * Writes the selection's rows, every original column, in dataset order: the selection's locators
 * come from `conversations` one shard at a time, are grouped by row group, and each row group's
 * picked rows are read (only the span they cover) and encoded in a parquet worker. At most
 * READ_AHEAD row groups are in memory at once, whatever the selection's size.
 */
export async function exportShardRows(
  dataset: ShardLayout | undefined,
  pools: { readers: ParquetPool; writer: ParquetPool },
  query: Query,
  options: ShardExportOptions,
): Promise<ExportProgress> {
  const { filters, signal, write, onProgress } = options;
  const counts = await query<{ shard: number; n: number }>(buildExportShardCountsQuery(filters));
  const progress: ExportProgress = {
    conversationsDone: 0,
    conversationsTotal: counts.reduce((sum, c) => sum + c.n, 0),
    bytesWritten: 0,
  };
  onProgress?.({ ...progress });
  const emit = async (bytes: Uint8Array, rows: number) => {
    signal?.throwIfAborted();
    if (bytes.byteLength > 0) await write(bytes);
    progress.conversationsDone += rows;
    progress.bytesWritten += bytes.byteLength;
    onProgress?.({ ...progress });
  };
  const groups = rowGroupsOf(dataset, query, filters, counts);
  const request = (group: RowGroupItems<Located>) => ({
    shard: group.ref,
    rowGroup: group.rowGroup,
    rowsInGroup: group.items.map((i) => i.rowInGroup),
  });
  if (options.format === 'jsonl') {
    const ahead: Promise<{ bytes: Uint8Array; rows: number }>[] = [];
    for await (const group of groups) {
      const read = pools.readers.run({ type: 'export-jsonl', ...request(group) });
      read.catch(() => undefined); // a cancelled export leaves reads behind: not unhandled
      ahead.push(read);
      if (ahead.length >= READ_AHEAD) {
        const next = await ahead.shift()!;
        await emit(next.bytes, next.rows);
      }
    }
    for (const pending of ahead) {
      const next = await pending;
      await emit(next.bytes, next.rows);
    }
  } else {
    // One worker holds the writer's state: its requests must reach it in order, one at a time.
    await pools.writer.run({ type: 'export-parquet-open' });
    for await (const group of groups) {
      const next = await pools.writer.run({ type: 'export-parquet-write', ...request(group) });
      await emit(next.bytes, next.rows);
    }
    const tail = await pools.writer.run({ type: 'export-parquet-close' });
    await emit(tail.bytes, 0);
  }
  return progress;
}

/** The selection's row groups in dataset order, one shard's locators at a time. */
async function* rowGroupsOf(
  dataset: ShardLayout | undefined,
  query: Query,
  filters: Filters,
  counts: readonly { shard: number }[],
): AsyncGenerator<RowGroupItems<Located>> {
  for (const { shard } of counts) {
    const rows = await query<{ shard_row: number }>(buildExportShardRowsQuery(filters, shard));
    const located = rows.map((r) => ({ shard, shard_row: Number(r.shard_row) }));
    yield* groupByRowGroup(dataset, located);
  }
}
