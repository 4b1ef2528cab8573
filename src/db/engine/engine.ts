import {
  buildConversations,
  swapInStaging,
  type BuildProgress,
  type BuiltDataset,
  type TableOrigin,
} from '../build/build-conversations';
import { completeOpen } from './complete-open';
import { getDuckDB } from './duckdb';
import { ensureScoreCube } from './facet-cube-tables';
import { ParquetPool } from '../worker/parquet-pool';
import {
  loadMessagesTable,
  type MessagesConversation,
  type MessagesProgress,
} from '../build/messages-load';
import { groupByRowGroup, locateRow } from '../worker/row-groups';
import type { MessageRecord, ShardInfo, ShardRef } from '../worker/parquet-protocol';
import { currentHubAuth, withHubAuth } from '../net/hub-auth';
import { probeCachedShards } from '../net/probe-url';
import { QuietQueries } from './quiet-queries';
import { StatementQueue } from './statement-queue';
import { loadSidecar } from '../build/sidecar-load';
import { cachedBytes, forgetCachedTables, loadCachedTable, storeTable } from '../cache/table-cache';
import { cacheKey, shardIdentities, type ShardIdentity } from '../cache/table-cache-key';
import {
  runSearch,
  type SearchOptions,
  type SearchProgress,
  type SearchResult,
} from '../search/search';
import type { SearchSnippet } from '../search/search-scan';
import type { SearchSpec } from '../../model/search-spec';
import { buildClearIdSets, buildCreateIdSetsTable } from '../../sql/id-sets';
import { buildClearSearchHits, buildCreateSearchHitsTable } from '../../sql/search-hits';
import type { CategoryId } from '../../model/moderation';
import type { Row } from '../../model/row';
import type { SqlQuery } from '../../sql/query';

export type { BuildProgress, BuiltDataset, MessageRecord, ShardRef, TableOrigin };
export type { SearchOptions, SearchProgress, SearchResult, SearchSnippet };
export type { MessagesConversation, MessagesProgress };
export { DatasetError, type DatasetProblem } from './dataset-error';

/**
 * The engine behind one interface: the rest of the app asks for rows and conversations and never
 * sees DuckDB, parquet-wasm or Arrow. Swapping in another SQL engine means replacing this module.
 */

const pool = new ParquetPool();
/**
 * Searches' own workers (cancelling one never touches a build or a read), ended after a minute
 * without a search: a scan at 1M leaves the renderer 190-280 MB larger, and only ending them
 * returns their part (ParquetPool.recycleIdle), but a next scan runs faster on warm ones.
 */
let searchPool: ParquetPool | undefined;
const newSearchPool = () => new ParquetPool(undefined, { endWhenIdleMs: 60_000 });
let current: BuiltDataset | undefined;

export function startEngine(): Promise<unknown> {
  return getDuckDB();
}

/**
 * Makes `conversations` for these shards: from the OPFS cache when it holds exactly these shards,
 * else from an `index` sidecar beside them, else by building it (then cached for next time). The
 * previous dataset stays until this one is complete.
 */
export async function openShards(
  shards: ShardRef[],
  options: { signal?: AbortSignal; onProgress?: (p: BuildProgress) => void } = {},
): Promise<BuiltDataset> {
  const startMark = performance.mark('convoscope:build:start');
  const { signal } = options;
  // The previous dataset's cache write, if still waiting, starts before anything is swapped.
  quiet.now();
  const duckdb = getDuckDB();
  // The Hub's gated files answer the identity HEAD only with the token.
  const ids = await shardIdentities(shards, withHubAuth(fetch, currentHubAuth), signal);
  const key = ids && (await cacheKey(ids));
  const found = ids && key ? await fromCacheOrSidecar(shards, ids, key, signal) : {};
  const built: BuiltDataset = isBuilt(found)
    ? found
    : { ...(await buildConversations(pool, shards, options)), note: found.note };
  current = built;
  // Fresh workers from here: the build's (or sidecar's) reads left 35-45 MB in each (recycleIdle).
  pool.recycleIdle();
  // Earlier searches' rows and console id sets name conversations of the previous dataset.
  const { db, conn } = await duckdb;
  await conn.query(buildCreateSearchHitsTable());
  await conn.query(buildClearSearchHits());
  await conn.query(buildCreateIdSetsTable());
  await conn.query(buildClearIdSets());
  // The bench reads this measure (scripts/bench): keep its name and detail stable.
  performance.measure('convoscope:build', {
    start: startMark.startTime,
    end: performance.now(),
    detail: { rows: built.rows, shards: shards.length, bytes: built.bytes, origin: built.origin },
  });
  // Once the first screen's queries are answered (each would hold them up on DuckDB's one worker):
  // the rest of the open (`completeOpen`), then the cache write.
  const afterFirstScreen = quiet.whenQuiet().then(() => completeOpen(conn));
  const { infos, rows, bytes: builtFromBytes } = built;
  cacheWrite =
    ids && key && built.origin !== 'cache'
      ? afterFirstScreen.then(() =>
          storeTable(db, key, { shards: ids, infos, rows, builtFromBytes }),
        )
      : Promise.resolve(false);
  return built;
}

/** The table from the cache or a sidecar (swapped in), or a note on why neither was used. */
async function fromCacheOrSidecar(
  shards: ShardRef[],
  ids: ShardIdentity[],
  key: string,
  signal?: AbortSignal,
): Promise<BuiltDataset | { note?: string }> {
  const started = performance.now();
  // Not awaited here: the cache and the sidecar are looked up (and their first bytes read) while
  // DuckDB may still be compiling.
  const conn = getDuckDB().then((d) => d.conn);
  conn.catch(() => undefined); // a failed start is reported by whichever path awaits it
  const done = async (
    origin: TableOrigin,
    m: { infos: ShardInfo[]; rows: number; bytes: number },
  ) => {
    await swapInStaging(await conn);
    const { infos, rows, bytes } = m; // the cache's meta has shard identities, not refs
    return { shards, infos, rows, bytes, origin, milliseconds: performance.now() - started };
  };
  // A newer write for the same key may still be going: wait, so its entry is complete.
  await cacheWrite;
  // A cache hit still asks each URL shard's host for 8 bytes, so a host that lost Range support
  // is named now, as on a first open, rather than when a conversation is read.
  const cached = await loadCachedTable(conn, key, ids, signal, () =>
    probeCachedShards(
      shards,
      ids.map((id) => id.size),
      withHubAuth(fetch, currentHubAuth),
    ),
  );
  if (cached) return done('cache', cached);
  const abort = () => pool.reset(signal?.reason);
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const sidecar = await loadSidecar(pool, conn, shards, ids, signal);
    return sidecar.found ? done('sidecar', sidecar) : { note: sidecar.note };
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

const isBuilt = (x: BuiltDataset | { note?: string }): x is BuiltDataset => 'origin' in x;

/** The last cache write, so the size shown (and a later open) can wait for it. */
let cacheWrite: Promise<boolean> = Promise.resolve(false);
/** The app's statements (runQuery), which a cache write waits to see answered. */
const quiet = new QuietQueries();
/** The app's statements, one at a time, the urgent first (statement-queue.ts). */
const statements = new StatementQueue();

/** Bytes of cached tables, once the latest write has finished. */
export async function cachedDataBytes(): Promise<number> {
  await cacheWrite;
  return cachedBytes();
}

/** Drops every cached table (the open dataset stays open); the next open builds again. */
export async function forgetCachedData(): Promise<void> {
  quiet.now();
  await cacheWrite;
  await forgetCachedTables();
}

/**
 * Runs one statement with positional `?` parameters and returns plain rows. `urgent` statements (the
 * reads of the small pre-aggregated cubes, and the facet and chart statements for states the cubes
 * cannot answer) go before the others waiting.
 */
export async function runQuery<T extends Row = Row>(
  query: SqlQuery,
  options: { urgent?: boolean } = {},
): Promise<T[]> {
  const { conn } = await getDuckDB();
  return quiet.track(() =>
    statements.run(async () => {
      const statement = await conn.prepare(query.sql);
      try {
        const table = await statement.query(...query.params);
        return table.toArray().map((row) => row.toJSON() as T);
      } finally {
        await statement.close();
      }
    }, options.urgent),
  );
}

/** Makes the charts' pre-aggregated counts for this score category, once per dataset (src/sql/facet-cube.ts). */
export async function prepareScoreCube(category: CategoryId): Promise<void> {
  await ensureScoreCube((await getDuckDB()).conn, category);
}

/** Where a shard row of the open dataset lives. */
const locate = (shard: number, shardRow: number) => locateRow(current, shard, shardRow);

/** Reads one whole conversation through its locator: one row group of one shard, never a scan. */
export async function readConversation(shard: number, shardRow: number): Promise<MessageRecord[]> {
  const { ref, info, rowGroup, rowInGroup } = locate(shard, shardRow);
  const { messages } = await pool.run({
    type: 'conversation',
    shard: ref,
    rowGroup,
    rowInGroup,
    leaves: info.columns.conversationLeaves,
  });
  return messages;
}

/** A list row's locator; previews are keyed by `previewKey`. */
export interface RowLocator {
  shard: number;
  shard_row: number;
}
export const previewKey = (l: RowLocator) => `${l.shard}:${l.shard_row}`;

/** The first user prompt of each row: one request per row group they fall in (text leaves only). */
export async function readPreviews(
  rows: readonly RowLocator[],
): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  await Promise.all(
    groupByRowGroup(current, rows).map(async (group) => {
      const { previews } = await pool.run({
        type: 'previews',
        shard: group.ref,
        rowGroup: group.rowGroup,
        rowsInGroup: group.items.map((i) => i.rowInGroup),
        // `conversationLeaves` starts with the `content` and `role` leaves (shard-schema.ts).
        leaves: group.info.columns.conversationLeaves.slice(0, 2),
      });
      group.items.forEach(({ item }, i) => result.set(previewKey(item), previews[i] ?? null));
    }),
  );
  return result;
}

/** Loads `messages` for these conversations of the open dataset (src/db/messages-load.ts). */
export function loadMessages(
  conversations: readonly MessagesConversation[],
  options: { signal?: AbortSignal; onProgress?: (p: MessagesProgress) => void } = {},
): Promise<MessagesProgress> {
  return loadMessagesTable(pool, current, conversations, options);
}

/** The open dataset with its shards' layout, for modules that read its shards (src/db/export-session.ts). */
export function openBuiltDataset(): BuiltDataset | undefined {
  return current;
}

/**
 * The open dataset, as an opaque token: a completed search belongs to the dataset it scanned, and
 * is stale once this changes.
 */
export function openDataset(): object | undefined {
  return current;
}

/**
 * Starts the search workers, each with every shard's footer read, at the user's intent (focus in
 * the search box), once per dataset; failures are the search's to report. Not once the page's
 * reader has started: a search borrows it first (src/db/search.ts), and compiling ours at focus
 * took the cores from those reads (first 100 hits at 1M: 324-483 ms with, 169-277 ms without).
 */
export function prepareSearch(): void {
  const dataset = current;
  if (!dataset || prepared === dataset || pool.started) return;
  prepared = dataset;
  searchPool ??= newSearchPool();
  const search = searchPool;
  // Requests go to the least busy worker: `size` of them per shard reach every worker once.
  for (const shard of dataset.shards)
    for (let i = 0; i < search.size; i++)
      search.run({ type: 'inspect', shard }).catch(() => undefined);
}
let prepared: BuiltDataset | undefined;

/**
 * Scans the text of every conversation of the open dataset for `spec` (both search workers busy),
 * streaming progress and the first snippets; on completion the matching `row`s are in `search_hits`
 * under the returned id (`src/sql/search-hits.ts` joins them). Cancel with `options.signal`.
 */
export function searchConversations(
  spec: SearchSpec,
  options: SearchOptions = {},
): Promise<SearchResult & { dataset: object }> {
  const dataset = current;
  if (!dataset) return Promise.reject(new Error('no dataset is open'));
  searchPool ??= newSearchPool();
  return runSearch(searchPool, dataset, spec, { ...options, lend: pool }).then((result) => ({
    ...result,
    dataset,
  }));
}
