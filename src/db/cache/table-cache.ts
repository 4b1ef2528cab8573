import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Table, tableToIPC, type RecordBatch } from 'apache-arrow';
import { CONVERSATIONS } from '../../sql/conversations-table';
import { quoteIdentifier } from '../../sql/quote';
import { createStaging, dropStaging, stagingRows, STAGING } from '../build/build-conversations';
import { DUCKDB_ROW_GROUP_ROWS } from '../build/row-group-chunks';
import type { ShardInfo } from '../worker/parquet-protocol';
import { CACHE_FORMAT, usableMeta, type CacheMeta, type ShardIdentity } from './table-cache-key';

/**
 * The built `conversations` table kept in the origin-private file system (OPFS), one directory per
 * set of shards: Arrow IPC chunks plus `meta.json` (identities, shard infos). Reading it back is a
 * few file reads and inserts instead of streaming the shards. Every failure here (no OPFS, quota,
 * a damaged entry) only means the table is built as usual.
 */
const ROOT = 'convoscope-cache';
/**
 * Rows per IPC chunk: DuckDB's row group size, so each insert fills whole row groups (an insert
 * ending inside a row group made the cached open much slower; two row groups per chunk were no
 * faster and hold twice as much in memory: docs/performance-log.md). The table is then
 * uncompressed until `completeOpen` checkpoints it (complete-open.ts).
 */
const CHUNK_ROWS = DUCKDB_ROW_GROUP_ROWS;
/** Entries kept: older datasets make room for the newest. */
const KEEP_ENTRIES = 3;

async function cacheDir(create: boolean): Promise<FileSystemDirectoryHandle | null> {
  try {
    const root = await navigator.storage.getDirectory();
    return await root.getDirectoryHandle(ROOT, { create });
  } catch {
    return null; // no OPFS (private mode, old browser, file://) or nothing stored yet
  }
}

async function readJson(dir: FileSystemDirectoryHandle, name: string): Promise<unknown> {
  const file = await (await dir.getFileHandle(name)).getFile();
  return JSON.parse(await file.text()) as unknown;
}

async function writeFile(
  dir: FileSystemDirectoryHandle,
  name: string,
  data: BufferSource | string,
) {
  const handle = await dir.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  try {
    await writable.write(data);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

/**
 * Fills the staging table from the entry `key` if it holds exactly these shards; returns its meta,
 * or null (and an empty staging table dropped) when there is no usable entry. `checkHosts` runs
 * once an entry is found, before anything is loaded: what it throws (a host that can no longer
 * serve the shards) fails the open with nothing changed, as a first open's probe would.
 * `connection` may still be pending: the entry is found and its first chunk read meanwhile.
 */
export async function loadCachedTable(
  connection: Promise<AsyncDuckDBConnection>,
  key: string,
  ids: readonly ShardIdentity[],
  signal?: AbortSignal,
  checkHosts?: () => Promise<void>,
): Promise<(CacheMeta & { bytes: number }) | null> {
  const root = await cacheDir(false);
  if (!root) return null;
  let entry: FileSystemDirectoryHandle;
  let meta: CacheMeta | null;
  try {
    entry = await root.getDirectoryHandle(key);
    meta = usableMeta(await readJson(entry, 'meta.json'), ids);
  } catch {
    return null;
  }
  if (!meta) return null;
  await checkHosts?.();
  signal?.throwIfAborted();
  let bytes = 0;
  // A fresh buffer per chunk (DuckDB takes ownership of what it is given), read one chunk ahead
  // of the inserts: the first while DuckDB may still be starting, the next during each insert.
  const readChunk = async (i: number) => {
    const file = await (await entry.getFileHandle(meta.chunks[i]!.file)).getFile();
    return new Uint8Array(await file.arrayBuffer());
  };
  let ahead = meta.chunks.length > 0 ? readChunk(0) : undefined;
  ahead?.catch(() => undefined); // awaited in the loop; a failure there is handled below
  // Outside the try below: an engine that failed to start says nothing about the entry.
  const conn = await connection;
  try {
    await createStaging(conn);
    for (let i = 0; ahead; i++) {
      signal?.throwIfAborted();
      const ipc = await ahead;
      ahead = i + 1 < meta.chunks.length ? readChunk(i + 1) : undefined;
      ahead?.catch(() => undefined);
      bytes += ipc.byteLength;
      await conn.insertArrowFromIPCStream(ipc, { name: STAGING, create: false });
    }
    if ((await stagingRows(conn)) !== meta.rows) throw new Error('cached table is incomplete');
    return { ...meta, bytes };
  } catch {
    await dropStaging(conn).catch(() => undefined);
    if (signal?.aborted) throw signal.reason;
    await root.removeEntry(key, { recursive: true }).catch(() => undefined); // damaged: rebuild it
    return null;
  }
}

/**
 * Writes the current `conversations` under `key`, streaming it from DuckDB on a connection of its
 * own (the app keeps querying on the main one). Returns false when it could not be stored.
 */
export async function storeTable(
  db: AsyncDuckDB,
  key: string,
  entryMeta: { shards: ShardIdentity[]; infos: ShardInfo[]; rows: number; builtFromBytes: number },
): Promise<boolean> {
  const root = await cacheDir(true);
  if (!root) return false;
  const conn = await db.connect();
  try {
    await evictOldEntries(root, key);
    const entry = await root.getDirectoryHandle(key, { create: true });
    const chunks: CacheMeta['chunks'] = [];
    const reader = await conn.send(`SELECT * FROM ${quoteIdentifier(CONVERSATIONS)}`);
    let pending: RecordBatch[] = [];
    let pendingRows = 0;
    const flush = async () => {
      if (pendingRows === 0) return;
      const ipc = tableToIPC(new Table(pending), 'stream');
      const file = `chunk-${chunks.length}.arrow`;
      await writeFile(entry, file, ipc as Uint8Array<ArrayBuffer>);
      chunks.push({ file, bytes: ipc.byteLength, rows: pendingRows });
      pending = [];
      pendingRows = 0;
    };
    for await (const batch of reader) {
      pending.push(batch as RecordBatch);
      pendingRows += batch.numRows;
      if (pendingRows >= CHUNK_ROWS) await flush();
    }
    await flush();
    if (chunks.reduce((s, c) => s + c.rows, 0) !== entryMeta.rows) return false;
    const meta: CacheMeta = { format: CACHE_FORMAT, ...entryMeta, chunks, storedAt: Date.now() };
    await writeFile(entry, 'meta.json', JSON.stringify(meta));
    return true;
  } catch {
    await root.removeEntry(key, { recursive: true }).catch(() => undefined);
    return false;
  } finally {
    await conn.close().catch(() => undefined);
  }
}

/** Keeps the newest entries (by their meta) besides `keep`; half-written ones go too. */
async function evictOldEntries(root: FileSystemDirectoryHandle, keep: string) {
  const entries: { name: string; storedAt: number }[] = [];
  for await (const [name, handle] of root.entries()) {
    if (name === keep || handle.kind !== 'directory') continue;
    const meta = (await readJson(handle as FileSystemDirectoryHandle, 'meta.json').catch(
      () => null,
    )) as Partial<CacheMeta> | null;
    entries.push({ name, storedAt: meta?.storedAt ?? 0 });
  }
  entries.sort((a, b) => b.storedAt - a.storedAt);
  for (const old of entries.slice(KEEP_ENTRIES - 1))
    await root.removeEntry(old.name, { recursive: true }).catch(() => undefined);
}

/** Bytes held by every cache entry. */
export async function cachedBytes(): Promise<number> {
  const root = await cacheDir(false);
  if (!root) return 0;
  let total = 0;
  const walk = async (dir: FileSystemDirectoryHandle) => {
    for await (const handle of dir.values()) {
      if (handle.kind === 'file') total += (await (handle as FileSystemFileHandle).getFile()).size;
      else await walk(handle as FileSystemDirectoryHandle);
    }
  };
  await walk(root).catch(() => undefined);
  return total;
}

/** Removes every cached table; the next open of any dataset builds again. */
export async function forgetCachedTables(): Promise<void> {
  try {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry(ROOT, { recursive: true });
  } catch (error) {
    if ((error as DOMException | undefined)?.name !== 'NotFoundError') throw error;
  }
}
