import {
  AsyncDuckDB,
  ConsoleLogger,
  LogLevel,
  type AsyncDuckDBConnection,
} from '@duckdb/duckdb-wasm';
// The `eh` bundle, chosen explicitly: selectBundle would pick the threaded one on a cross-origin
// isolated page, which crashed in earlier releases (shared/reference/engine.md).
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { inheritingWorker } from '../worker/blob-worker';

export interface DuckDBHandle {
  db: AsyncDuckDB;
  conn: AsyncDuckDBConnection;
}

/** Starts DuckDB on first call and hands the same instance to every later one. */
export type DuckDB = () => Promise<DuckDBHandle>;

/**
 * One DuckDB-WASM instance, started on first use (`start` below); a failed start is retried by the
 * next call instead of being cached forever. `close` terminates its worker.
 */
export function lazyDuckDB(): { duckdb: DuckDB; close(): Promise<void> } {
  let ready: Promise<DuckDBHandle> | undefined;
  const duckdb = () =>
    (ready ??= start().catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));
  const close = async () => {
    const handle = await ready?.catch(() => undefined);
    ready = undefined;
    await handle?.db.terminate();
  };
  return { duckdb, close };
}

async function start(): Promise<DuckDBHandle> {
  const started = performance.now();
  const worker = inheritingWorker(workerUrl, 'classic');
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
  // Absolute: the blob worker cannot resolve a path against its own blob: URL.
  await db.instantiate(new URL(wasmUrl, window.location.href).href);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  // Releases from 1.29 on fetch extensions (even the parquet reader) from a CDN on demand. Nothing
  // may be downloaded at run time here, so turn that off before the first real query.
  await conn.query(`SET autoinstall_known_extensions = false`);
  await conn.query(`SET autoload_known_extensions = false`);
  performance.measure('convoscope:engine-start', { start: started, end: performance.now() });
  return { db, conn };
}
