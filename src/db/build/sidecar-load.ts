import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { createStaging, dropStaging, stagingRows, STAGING } from './build-conversations';
import { DatasetError } from '../engine/dataset-error';
import { memoryProblem } from './memory-budget';
import type { ParquetPool } from '../worker/parquet-pool';
import type { ShardInfo, ShardRef } from '../worker/parquet-protocol';
import { manifestUrlBeside, parseSidecarManifest, sidecarMismatch } from './sidecar';
import type { ShardIdentity } from '../cache/table-cache-key';

export type SidecarLookup =
  | { found: true; infos: ShardInfo[]; rows: number; bytes: number }
  | { found: false; note?: string };

/**
 * Looks for an `index` sidecar beside URL shards (`<dir of the first shard>/convoscope-manifest.json`)
 * and, when it matches the shards, fills the staging table from it through the parquet workers.
 * A missing manifest means nothing; a stale or unreadable one is ignored with a note.
 */
export async function loadSidecar(
  pool: ParquetPool,
  conn: Promise<AsyncDuckDBConnection>,
  shards: readonly ShardRef[],
  ids: readonly ShardIdentity[],
  signal?: AbortSignal,
): Promise<SidecarLookup> {
  const first = shards[0]?.url;
  if (!first || shards.some((s) => !s.url)) return { found: false };
  const manifestUrl = manifestUrlBeside(first);
  let json: unknown;
  try {
    const response = await fetch(manifestUrl, { cache: 'no-cache', signal });
    if (!response.ok) return { found: false };
    json = await response.json();
  } catch {
    signal?.throwIfAborted();
    return { found: false }; // absent, or a host answering HTML for unknown paths
  }
  const manifest = parseSidecarManifest(json);
  if ('problem' in manifest)
    return {
      found: false,
      note: `The index beside the shards was ignored: it ${manifest.problem}.`,
    };
  const mismatch = sidecarMismatch(manifest, ids);
  if (mismatch)
    return { found: false, note: `The index beside the shards is out of date: ${mismatch}.` };
  // The manifest knows each shard's rows: refuse a dataset too large for the tab before reading.
  const tooLarge = memoryProblem(
    shards.map((s, i) => ({ name: s.name, rows: manifest.shards[i]?.info.rows ?? 0 })),
  );
  if (tooLarge) throw new DatasetError(tooLarge);

  const table: ShardRef = {
    name: manifest.table.file,
    url: new URL(manifest.table.file, manifestUrl).href,
  };
  const db = await conn;
  try {
    await createStaging(db);
    // Both workers decode row groups while DuckDB inserts the previous ones, one at a time.
    let inserting: Promise<unknown> = Promise.resolve();
    let next = 0;
    const lanes = Array.from({ length: pool.size * 2 }, async () => {
      while (next < manifest.table.rowGroups.length) {
        const rowGroup = next++;
        const { ipc } = await pool.run({ type: 'sidecar', shard: table, rowGroup });
        signal?.throwIfAborted();
        inserting = inserting.then(() =>
          db.insertArrowFromIPCStream(ipc, { name: STAGING, create: false }),
        );
        inserting.catch(() => undefined); // awaited below
      }
    });
    await Promise.all(lanes);
    await inserting;
    if ((await stagingRows(db)) !== manifest.table.rows)
      throw new Error('holds fewer rows than its manifest says');
  } catch (error) {
    await dropStaging(db).catch(() => undefined);
    if (signal?.aborted) throw signal.reason;
    const reason = error instanceof Error ? error.message : String(error);
    return { found: false, note: `The index beside the shards could not be read (${reason}).` };
  }
  return {
    found: true,
    infos: manifest.shards.map((s) => s.info),
    rows: manifest.table.rows,
    bytes: manifest.table.bytes,
  };
}
