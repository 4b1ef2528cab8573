/// <reference lib="webworker" />
import './worker-fetch';
import init, { ParquetFile, wasmMemory } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { Table, tableFromIPC } from 'apache-arrow';
import { withViews } from './wasm-views';
import type { ShardRef } from './parquet-protocol';

/**
 * The parquet worker's open shards: footers, leaf-column projection, one row group at a time.
 * Several range requests stay in flight per read so latency overlaps decoding.
 */
const READ_CONCURRENCY = 8;
/** arrow-rs preallocates a whole batch per column: a huge batch size costs more than it saves. */
const BATCH_ROWS = 8192;

// Absolute: this worker runs from a blob: URL, against which a path does not resolve.
export const ready = init({ module_or_path: new URL(parquetWasmUrl, import.meta.url) });
const files = new Map<string, Promise<ParquetFile>>();

export function shardKey(shard: ShardRef): string {
  if (shard.url) return `url:${shard.url}`;
  const f = shard.file;
  return `file:${shard.name}:${f?.size}:${f?.lastModified}`;
}

export function openShard(shard: ShardRef): Promise<ParquetFile> {
  const key = shardKey(shard);
  let file = files.get(key);
  if (!file) {
    file = ready.then(() => {
      if (shard.url) return ParquetFile.fromUrl(shard.url);
      if (shard.file) return ParquetFile.fromFile(shard.file);
      throw new Error(`${shard.name}: neither a URL nor a file`);
    });
    file.catch(() => files.delete(key));
    files.set(key, file);
  }
  return file;
}

/** The named leaves of one row group or several (optionally a run of rows) as an Arrow table. */
export async function readRowGroup(
  shard: ShardRef,
  rowGroup: number | readonly number[],
  columns: string[],
  rows?: { offset: number; limit: number },
): Promise<Table> {
  return tableFromIPC((await readWasmTable(shard, rowGroup, columns, rows)).intoIPCStream());
}

/** The named leaves of one row group or several, read in place by `read` (`withViews`: no copy). */
export async function withRowGroup<T>(
  shard: ShardRef,
  rowGroup: number | readonly number[],
  columns: string[],
  read: (table: Table) => T,
): Promise<T> {
  return withViews(await readWasmTable(shard, rowGroup, columns), wasmMemory, read);
}

/** `columns` undefined reads them all; several row groups are read in order, as one table. */
export async function readWasmTable(
  shard: ShardRef,
  rowGroup: number | readonly number[],
  columns: string[] | undefined,
  rows?: { offset: number; limit: number },
) {
  const file = await openShard(shard);
  return file.read({
    rowGroups: typeof rowGroup === 'number' ? [rowGroup] : [...rowGroup],
    columns,
    batchSize: BATCH_ROWS,
    concurrency: READ_CONCURRENCY,
    ...rows,
  });
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
