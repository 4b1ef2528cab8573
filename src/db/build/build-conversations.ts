import { buildCreateConversationsTable, CONVERSATIONS } from '../../sql/conversations-table';
import { quoteIdentifier } from '../../sql/quote';
import { DatasetError } from '../engine/dataset-error';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { DuckDB } from '../engine/duckdb';
import {
  prepareFacetCube,
  swapCubeStatements,
  type DerivedTables,
} from '../engine/facet-cube-tables';
import { dropSharedIdsStatement } from '../engine/shared-ids';
import { memoryProblem } from './memory-budget';
import { checkShardSet } from './shard-schema';
import { runLanes } from '../worker/lanes';
import { RowGroupChunks } from './row-group-chunks';
import type { ParquetPool } from '../worker/parquet-pool';
import type { MetadataTask, ShardInfo, ShardRef } from '../worker/parquet-protocol';
import type { ShardIdentity } from '../cache/table-cache-key';

export interface BuildProgress {
  shardsDone: number;
  shardsTotal: number;
  bytesRead: number;
  bytesTotal: number;
  rowsDone: number;
  rowsTotal: number;
  /** The shard a row group was last read from: which shard the build is on. */
  shard?: string;
}

/** Where the open's `conversations` came from: built from the shards, the OPFS cache, or a sidecar. */
export type TableOrigin = 'built' | 'cache' | 'sidecar';

export interface BuiltDataset {
  shards: ShardRef[];
  infos: ShardInfo[];
  rows: number;
  /** Bytes read to make the table: shard leaves, cached chunks or the sidecar. */
  bytes: number;
  milliseconds: number;
  origin: TableOrigin;
  /** Something the user should know about how the table was made (e.g. a stale sidecar). */
  note?: string;
  /** The shards' names, sizes and versions, when known: a text index must match them. */
  identities?: readonly ShardIdentity[];
}

/** Filled by every way of making `conversations`, and swapped in only when complete. */
export const STAGING = 'conversations_next';

export async function createStaging(conn: AsyncDuckDBConnection): Promise<void> {
  await conn.query(buildCreateConversationsTable(STAGING));
}

export async function dropStaging(conn: AsyncDuckDBConnection): Promise<void> {
  await conn.query(`DROP TABLE IF EXISTS ${quoteIdentifier(STAGING)}`);
}

/**
 * Replaces `conversations` with the complete staging table in one transaction, with its
 * pre-aggregated counts (src/sql/facet-cube.ts) made beforehand. Every open (build, cache,
 * sidecar) passes here.
 */
export async function swapInStaging(
  conn: AsyncDuckDBConnection,
  derived: DerivedTables,
): Promise<void> {
  await prepareFacetCube(conn, STAGING);
  // Twice: no click takes `shared_ids` once the swap is under way, and one made meanwhile (from
  // either table) does not count as this dataset's.
  derived.sharedIds.forget();
  await conn.query(`BEGIN TRANSACTION`);
  await conn.query(`DROP TABLE IF EXISTS ${quoteIdentifier(CONVERSATIONS)}`);
  await conn.query(
    `ALTER TABLE ${quoteIdentifier(STAGING)} RENAME TO ${quoteIdentifier(CONVERSATIONS)}`,
  );
  for (const statement of swapCubeStatements()) await conn.query(statement);
  await conn.query(dropSharedIdsStatement);
  await conn.query(`COMMIT`);
  derived.scoreCubes.forget();
  derived.sharedIds.forget();
}

/** Rows in the staging table: a cached or prepared table must hold exactly what it promised. */
export async function stagingRows(conn: AsyncDuckDBConnection): Promise<number> {
  const table = await conn.query(`SELECT count(*)::DOUBLE AS n FROM ${quoteIdentifier(STAGING)}`);
  return Number(table.getChild('n')?.get(0) ?? -1);
}

/**
 * Builds `conversations` by streaming every shard's row groups through the parquet workers (only the
 * metadata leaves, never the text) and inserting the computed rows into DuckDB. It fills a staging
 * table and swaps it in only when complete, so a failed or cancelled open keeps the previous dataset.
 */
export async function buildConversations(
  engine: { pool: ParquetPool; duckdb: DuckDB; derived: DerivedTables },
  shards: ShardRef[],
  options: { signal?: AbortSignal; onProgress?: (p: BuildProgress) => void } = {},
): Promise<BuiltDataset> {
  const { signal, onProgress } = options;
  const { pool, derived } = engine;
  const started = performance.now();
  const abort = () => pool.reset(signal?.reason ?? new DOMException('Cancelled', 'AbortError'));
  signal?.addEventListener('abort', abort, { once: true });
  // The engine starts while the footers are read: both are slow the first time.
  const duckdb = engine.duckdb();
  try {
    signal?.throwIfAborted();
    const infos = await Promise.all(shards.map((shard) => pool.run({ type: 'inspect', shard })));
    const rowsTotal = infos.reduce((sum, i) => sum + i.rows, 0);
    // Empty shards and shards whose schemas differ (shard-schema.ts).
    const setProblem = checkShardSet(
      infos.map((info, i) => ({ name: shards[i]!.name, rows: info.rows, columns: info.columns })),
    );
    if (setProblem) throw new DatasetError(setProblem);
    // Only the footers have been read: a dataset too large for the tab stops here.
    const tooLarge = memoryProblem(
      infos.map((info, i) => ({ name: shards[i]!.name, rows: info.rows })),
    );
    if (tooLarge) throw new DatasetError(tooLarge);
    const tasks = planTasks(shards, infos);
    const progress: BuildProgress = {
      shardsDone: 0,
      shardsTotal: shards.length,
      bytesRead: 0,
      bytesTotal: infos.reduce(
        (s, i) => s + i.rowGroups.reduce((t, g) => t + g.metadataBytes, 0),
        0,
      ),
      rowsDone: 0,
      rowsTotal,
    };
    onProgress?.({ ...progress });
    // Row groups are read while DuckDB may still be starting; inserts queue behind its start.
    let inserting: Promise<unknown> = duckdb.then(({ conn }) => createStaging(conn));

    const groupsLeft = infos.map((i) => i.rowGroups.length);
    // Inserts go one at a time (order is restored by `row`), in whole DuckDB row groups; reading
    // goes on meanwhile. The table is compressed later (complete-open.ts).
    const chunks = new RowGroupChunks();
    const insert = (ipc: Uint8Array) => {
      inserting = inserting
        .then(() => duckdb)
        .then(({ conn }) => conn.insertArrowFromIPCStream(ipc, { name: STAGING, create: false }));
      inserting.catch(() => undefined); // awaited below; keep an early failure from going unhandled
    };
    const runTask = async (task: MetadataTask) => {
      const { ipc, rows } = await pool.run({ type: 'metadata', task });
      signal?.throwIfAborted();
      // Progress counts what was read: inserting is quick, but may wait for DuckDB to start.
      progress.rowsDone += rows;
      progress.shard = task.shard.name;
      for (const group of task.rowGroups) {
        progress.bytesRead += infos[task.shardIndex]!.rowGroups[group]!.metadataBytes;
      }
      groupsLeft[task.shardIndex]! -= task.rowGroups.length;
      if (groupsLeft[task.shardIndex] === 0) progress.shardsDone++;
      onProgress?.({ ...progress });
      chunks.add(ipc).forEach(insert);
    };
    // Two reads per worker keep the network busy while the other one decodes.
    await runLanes(tasks, [{ count: pool.size * 2, run: runTask }]);
    const rest = chunks.rest();
    if (rest) insert(rest);
    await inserting;
    signal?.throwIfAborted();

    await swapInStaging((await duckdb).conn, derived);
    return {
      shards,
      infos,
      rows: rowsTotal,
      bytes: progress.bytesRead,
      milliseconds: performance.now() - started,
      origin: 'built',
    };
  } catch (error) {
    pool.reset(error); // stop the other reads still in flight
    await duckdb.then(({ conn }) => dropStaging(conn)).catch(() => undefined);
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

/**
 * Enough bytes per task that its row groups' leaves are a few large requests (range-cache.ts), and
 * few enough that the two workers' lanes share the shards evenly.
 */
const TASK_BYTES = 4 * 1024 * 1024;
const TASK_GROUPS = 32;

/** Consecutive row groups of one shard per task, up to TASK_BYTES of leaves or TASK_GROUPS. */
function planTasks(shards: ShardRef[], infos: ShardInfo[]): MetadataTask[] {
  const tasks: MetadataTask[] = [];
  let shardRowOffset = 0;
  infos.forEach((info, shardIndex) => {
    let shardRowStart = 0;
    let task: MetadataTask | undefined;
    let bytes = 0;
    info.rowGroups.forEach((group, rowGroup) => {
      if (!task || bytes >= TASK_BYTES || task.rowGroups.length >= TASK_GROUPS) {
        task = {
          shard: shards[shardIndex]!,
          shardIndex,
          rowGroups: [],
          shardRowStart,
          shardRowOffset,
          leaves: info.columns.metadataLeaves,
        };
        tasks.push(task);
        bytes = 0;
      }
      task.rowGroups.push(rowGroup);
      bytes += group.metadataBytes;
      shardRowStart += group.rows;
    });
    shardRowOffset += info.rows;
  });
  return tasks;
}
