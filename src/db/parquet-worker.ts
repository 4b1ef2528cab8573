/// <reference lib="webworker" />
import init, { ParquetFile } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { computeConversationBatch } from './conversation-metadata';
import { conversationFromTable, previewsFromTable } from './conversation-record';
import { DatasetError } from './dataset-error';
import { shardInfoFromFooter } from './shard-info';
import { rangeFetch } from './range-fetch';
import { probeParquetUrl } from './probe-url';
import { scanSearchBatch } from './search-scan';
import { searchPattern } from '../lib/search-pattern';
import type {
  MetadataTask,
  SearchTask,
  ShardInfo,
  ShardRef,
  WorkerRequest,
  WorkerResponse,
  WorkerResults,
} from './parquet-protocol';

/**
 * All parquet I/O happens here, off the main thread: footers, leaf-column projection, one row group
 * at a time. Several range requests stay in flight per read so latency overlaps decoding.
 */
const READ_CONCURRENCY = 8;
/** arrow-rs preallocates a whole batch per column: a huge batch size costs more than it saves. */
const BATCH_ROWS = 8192;

const plainFetch = self.fetch.bind(self);
self.fetch = rangeFetch(plainFetch);
const ready = init({ module_or_path: parquetWasmUrl });
const files = new Map<string, Promise<ParquetFile>>();

function shardKey(shard: ShardRef): string {
  if (shard.url) return `url:${shard.url}`;
  const f = shard.file;
  return `file:${shard.name}:${f?.size}:${f?.lastModified}`;
}

function openShard(shard: ShardRef): Promise<ParquetFile> {
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

async function inspect(shard: ShardRef): Promise<ShardInfo> {
  if (shard.url) await probeParquetUrl(shard.name, shard.url, plainFetch);
  let file: ParquetFile;
  try {
    file = await openShard(shard);
  } catch (error) {
    throw new DatasetError({
      file: shard.name,
      message: `could not be read as parquet: ${errorText(error)}`,
    });
  }
  return shardInfoFromFooter(shard.name, file);
}

/** The named leaves of one row group (optionally a run of its rows) as an Arrow table. */
async function readRowGroup(
  shard: ShardRef,
  rowGroup: number,
  columns: string[],
  rows?: { offset: number; limit: number },
): Promise<Table> {
  return tableFromIPC(await readRowGroupIPC(shard, rowGroup, columns, rows));
}

/** `columns` undefined reads them all. */
async function readRowGroupIPC(
  shard: ShardRef,
  rowGroup: number,
  columns: string[] | undefined,
  rows?: { offset: number; limit: number },
): Promise<Uint8Array> {
  const file = await openShard(shard);
  const wasmTable = await file.read({
    rowGroups: [rowGroup],
    columns,
    batchSize: BATCH_ROWS,
    concurrency: READ_CONCURRENCY,
    ...rows,
  });
  return wasmTable.intoIPCStream();
}

async function metadata(task: MetadataTask): Promise<WorkerResults['metadata']> {
  const input = await readRowGroup(task.shard, task.rowGroup, task.leaves);
  let shardRowStart = task.shardRowStart;
  const batches = input.batches.map((batch) => {
    const out = computeConversationBatch(batch, {
      shard: task.shardIndex,
      shardRowStart,
      shardRowOffset: task.shardRowOffset,
    });
    shardRowStart += batch.numRows;
    return out;
  });
  return { ipc: tableToIPC(new Table(batches), 'stream'), rows: input.numRows };
}

async function conversation(
  request: Extract<WorkerRequest, { type: 'conversation' }>,
): Promise<WorkerResults['conversation']> {
  const table = await readRowGroup(request.shard, request.rowGroup, request.leaves, {
    offset: request.rowInGroup,
    limit: 1,
  });
  return { messages: conversationFromTable(table) };
}

/** One read spanning the requested rows of a row group: the text leaves of the rows between are cheap beside a read per row. */
async function previews(
  request: Extract<WorkerRequest, { type: 'previews' }>,
): Promise<WorkerResults['previews']> {
  const first = request.rowsInGroup[0] ?? 0;
  const last = request.rowsInGroup[request.rowsInGroup.length - 1] ?? first;
  const table = await readRowGroup(request.shard, request.rowGroup, request.leaves, {
    offset: first,
    limit: last - first + 1,
  });
  return {
    previews: previewsFromTable(
      table,
      request.rowsInGroup.map((r) => r - first),
    ),
  };
}

/** Compiled once per search: every row group of one search carries the same spec. */
let lastPattern: { key: string; pattern: RegExp } | undefined;

async function search(task: SearchTask): Promise<WorkerResults['search']> {
  const key = JSON.stringify(task.spec);
  if (lastPattern?.key !== key) {
    const built = searchPattern(task.spec);
    if ('error' in built) throw new Error(built.error);
    lastPattern = { key, pattern: built.pattern };
  }
  const { pattern } = lastPattern;
  const input = await readRowGroup(task.shard, task.rowGroup, task.leaves);
  const result: WorkerResults['search'] = { rows: [], snippets: [], scanned: input.numRows };
  let firstRow = task.firstRow;
  for (const batch of input.batches) {
    const limit = task.snippetLimit - result.snippets.length;
    const hits = scanSearchBatch(batch, pattern, task.spec.scope, firstRow, limit);
    for (const row of hits.rows) result.rows.push(row);
    result.snippets.push(...hits.snippets);
    firstRow += batch.numRows;
  }
  return result;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

self.onmessage = async (event: MessageEvent<{ id: number; request: WorkerRequest }>) => {
  const { id, request } = event.data;
  try {
    let result: WorkerResults[keyof WorkerResults];
    if (request.type === 'inspect') result = await inspect(request.shard);
    else if (request.type === 'metadata') result = await metadata(request.task);
    else if (request.type === 'previews') result = await previews(request);
    else if (request.type === 'search') result = await search(request.task);
    // Already in the shape of `conversations`: handed to DuckDB as parquet-wasm decoded it.
    else if (request.type === 'sidecar')
      result = { ipc: await readRowGroupIPC(request.shard, request.rowGroup, undefined) };
    else result = await conversation(request);
    const transfer = 'ipc' in result ? [result.ipc.buffer as ArrayBuffer] : [];
    self.postMessage({ id, ok: true, result } satisfies WorkerResponse, { transfer });
  } catch (error) {
    const problem = error instanceof DatasetError ? error.problem : undefined;
    self.postMessage({
      id,
      ok: false,
      problem,
      message: errorText(error),
    } satisfies WorkerResponse);
  }
};
