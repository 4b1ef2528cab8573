/// <reference lib="webworker" />
import init, { ParquetFile, wasmMemory } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { computeConversationBatch } from '../build/conversation-metadata';
import { conversationFromTable, previewsFromTable } from './conversation-record';
import { messageRowsBatch } from '../build/message-rows';
import { DatasetError } from '../engine/dataset-error';
import { shardInfoFromFooter } from '../build/shard-info';
import { rangeFetch } from '../net/range-fetch';
import { withViews } from './wasm-views';
import { probeParquetFile, probeParquetUrl } from '../net/probe-url';
import { withHubAuth, type HubAuth } from '../net/hub-auth';
import { scanSearchBatch, searchMatcher, type SearchMatcher } from '../search/search-scan';
import {
  closeParquetExport,
  exportJsonl,
  openParquetExport,
  writeParquetExport,
} from '../export/export-rows';
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

/** The page's Hub token (parquet-pool.ts sends it); added only to the Hub's hosts. */
let hubAuth: HubAuth | null = null;
/** What last went wrong on the network per URL, to name in the error parquet-wasm reports. */
const networkFaults = new Map<string, string>();
const authFetch = withHubAuth(self.fetch.bind(self), () => hubAuth);
self.fetch = rangeFetch(authFetch, { onFault: (url, problem) => networkFaults.set(url, problem) });
// Absolute: this worker runs from a blob: URL, against which a path does not resolve.
const ready = init({ module_or_path: new URL(parquetWasmUrl, import.meta.url) });
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
  if (shard.url) await probeParquetUrl(shard.name, shard.url, authFetch);
  else if (shard.file) await probeParquetFile(shard.name, shard.file);
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
  return tableFromIPC((await readWasmTable(shard, rowGroup, columns, rows)).intoIPCStream());
}

/** The named leaves of one row group, read in place by `read` (`withViews`: no copy). */
async function withRowGroup<T>(
  shard: ShardRef,
  rowGroup: number,
  columns: string[],
  read: (table: Table) => T,
): Promise<T> {
  return withViews(await readWasmTable(shard, rowGroup, columns), wasmMemory, read);
}

/** `columns` undefined reads them all. */
async function readWasmTable(
  shard: ShardRef,
  rowGroup: number,
  columns: string[] | undefined,
  rows?: { offset: number; limit: number },
) {
  const file = await openShard(shard);
  return file.read({
    rowGroups: [rowGroup],
    columns,
    batchSize: BATCH_ROWS,
    concurrency: READ_CONCURRENCY,
    ...rows,
  });
}

async function metadata(task: MetadataTask): Promise<WorkerResults['metadata']> {
  return withRowGroup(task.shard, task.rowGroup, task.leaves, (input) => {
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
    // Serialised here, while the input's buffers (which `batches` may share) are still alive.
    return { ipc: tableToIPC(new Table(batches), 'stream'), rows: input.numRows };
  });
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

/** The picked conversations of a row group flattened to `messages` rows, read in one span. */
async function messages(
  request: Extract<WorkerRequest, { type: 'messages' }>,
): Promise<WorkerResults['messages']> {
  const first = request.picks[0]?.offset ?? 0;
  const last = request.picks[request.picks.length - 1]?.offset ?? first;
  const table = await readRowGroup(request.shard, request.rowGroup, request.leaves, {
    offset: first,
    limit: last - first + 1,
  });
  const batch = messageRowsBatch(
    table,
    request.picks.map((p) => ({ ...p, offset: p.offset - first })),
  );
  return { ipc: tableToIPC(new Table([batch]), 'stream'), messages: batch.numRows };
}

/** Compiled once per search: every row group of one search carries the same spec. */
let lastMatcher: { key: string; matcher: SearchMatcher } | undefined;

async function search(task: SearchTask): Promise<WorkerResults['search']> {
  const key = JSON.stringify(task.spec);
  if (lastMatcher?.key !== key) {
    const built = searchMatcher(task.spec);
    if ('error' in built) throw new Error(built.error);
    lastMatcher = { key, matcher: built };
  }
  const { matcher } = lastMatcher;
  return withRowGroup(task.shard, task.rowGroup, task.leaves, (input) => {
    const result: WorkerResults['search'] = { rows: [], snippets: [], scanned: input.numRows };
    let firstRow = task.firstRow;
    for (const batch of input.batches) {
      const limit = task.snippetLimit - result.snippets.length;
      const hits = scanSearchBatch(batch, matcher, task.spec.scope, firstRow, limit);
      for (const row of hits.rows) result.rows.push(row);
      result.snippets.push(...hits.snippets);
      firstRow += batch.numRows;
    }
    return result;
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A network fault or an unreadable local file, named for the user, instead of the reader's panic. */
function problemOf(request: WorkerRequest, error: unknown) {
  if (error instanceof DatasetError) return error.problem;
  const shard =
    request.type === 'metadata' || request.type === 'search'
      ? request.task.shard
      : 'shard' in request
        ? request.shard
        : undefined;
  if (!shard) return undefined;
  const fault = shard.url && networkFaults.get(shard.url);
  if (fault) return { file: shard.name, message: `could not be read: ${fault}` };
  if (shard.file && error instanceof DOMException && error.name === 'NotReadableError') {
    return {
      file: shard.name,
      message: 'could not be read from disk: it was moved or changed after it was opened',
    };
  }
  return undefined;
}

/** Requests being answered: a panic inside parquet-wasm is uncaught, and must still answer them. */
const inFlight = new Map<number, WorkerRequest>();

function fail(id: number, request: WorkerRequest, error: unknown) {
  inFlight.delete(id);
  self.postMessage({
    id,
    ok: false,
    problem: problemOf(request, error),
    message: errorText(error),
  } satisfies WorkerResponse);
}

// A Rust panic (a network read that failed mid-body, a corrupt page) surfaces here, not in the
// request's promise: answer every open request, naming the network fault if one was seen. The
// message keeps "RuntimeError", so the pool replaces this worker, whose wasm is now unusable.
self.addEventListener('error', (event) => {
  event.preventDefault();
  const error = new Error(event.message || 'the parquet reader failed');
  for (const [id, request] of inFlight) fail(id, request, error);
});

self.onmessage = async (
  event: MessageEvent<{ id: number; request: WorkerRequest } | { hubAuth: HubAuth | null }>,
) => {
  if ('hubAuth' in event.data) {
    hubAuth = event.data.hubAuth;
    return;
  }
  const { id, request } = event.data;
  inFlight.set(id, request);
  try {
    let result: WorkerResults[keyof WorkerResults];
    if (request.type === 'inspect') result = await inspect(request.shard);
    else if (request.type === 'metadata') result = await metadata(request.task);
    else if (request.type === 'previews') result = await previews(request);
    else if (request.type === 'search') result = await search(request.task);
    else if (request.type === 'messages') result = await messages(request);
    // Already in the shape of `conversations`: handed to DuckDB as parquet-wasm decoded it.
    else if (request.type === 'sidecar')
      result = {
        ipc: (await readWasmTable(request.shard, request.rowGroup, undefined)).intoIPCStream(),
      };
    else if (request.type === 'export-jsonl') result = await exportJsonl(openShard, request);
    else if (request.type === 'export-parquet-open') result = await ready.then(openParquetExport);
    else if (request.type === 'export-parquet-write')
      result = await writeParquetExport(openShard, request);
    else if (request.type === 'export-parquet-close') result = await closeParquetExport();
    else result = await conversation(request);
    if (!inFlight.delete(id)) return;
    const transfer =
      'ipc' in result
        ? [result.ipc.buffer as ArrayBuffer]
        : 'bytes' in result
          ? [result.bytes.buffer as ArrayBuffer]
          : [];
    self.postMessage({ id, ok: true, result } satisfies WorkerResponse, { transfer });
  } catch (error) {
    if (inFlight.has(id)) fail(id, request, error);
  }
};
