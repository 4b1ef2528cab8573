import {
  buildConversations,
  swapInStaging,
  type BuildProgress,
  type BuiltDataset,
  type TableOrigin,
} from './build-conversations';
import { getDuckDB } from './duckdb';
import { ParquetPool } from './parquet-pool';
import type { MessagePick } from './message-rows';
import type { MessageRecord, ShardInfo, ShardRef } from './parquet-protocol';
import { currentHubAuth, withHubAuth } from './hub-auth';
import { loadSidecar } from './sidecar-load';
import { cachedBytes, forgetCachedTables, loadCachedTable, storeTable } from './table-cache';
import { cacheKey, shardIdentities, type ShardIdentity } from './table-cache-key';
import { runSearch, type SearchOptions, type SearchProgress, type SearchResult } from './search';
import type { SearchSnippet } from './search-scan';
import type { SearchSpec } from '../lib/search-pattern';
import { buildClearSearchHits, buildCreateSearchHitsTable } from '../sql/search-hits';
import { buildCreateMessagesTable, buildSwapMessagesTable } from '../sql/messages-table';

const MESSAGES_STAGING = 'messages_next';
import type { Row, SqlQuery } from '../sql/query';

export type { BuildProgress, BuiltDataset, MessageRecord, ShardRef, TableOrigin };
export type { SearchOptions, SearchProgress, SearchResult, SearchSnippet };
export { DatasetError, type DatasetProblem } from './dataset-error';

/**
 * The engine behind one interface: the rest of the app asks for rows and conversations and never
 * sees DuckDB, parquet-wasm or Arrow. Swapping in another SQL engine means replacing this module.
 */

const pool = new ParquetPool();
/** Searches get their own workers, so cancelling one never touches a build or a conversation read. */
let searchPool: ParquetPool | undefined;
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
  const duckdb = getDuckDB();
  // The Hub's gated files answer the identity HEAD only with the token.
  const ids = await shardIdentities(shards, withHubAuth(fetch, currentHubAuth), signal);
  const key = ids && (await cacheKey(ids));
  const found = ids && key ? await fromCacheOrSidecar(shards, ids, key, signal) : {};
  const built: BuiltDataset = isBuilt(found)
    ? found
    : { ...(await buildConversations(pool, shards, options)), note: found.note };
  current = built;
  // Earlier searches' rows name conversations of the previous dataset.
  const { db, conn } = await duckdb;
  await conn.query(buildCreateSearchHitsTable());
  await conn.query(buildClearSearchHits());
  // The bench reads this measure (scripts/bench): keep its name and detail stable.
  performance.measure('convoscope:build', {
    start: startMark.startTime,
    end: performance.now(),
    detail: { rows: built.rows, shards: shards.length, bytes: built.bytes, origin: built.origin },
  });
  cacheWrite =
    ids && key && built.origin !== 'cache'
      ? storeTable(db, key, {
          shards: ids,
          infos: built.infos,
          rows: built.rows,
          builtFromBytes: built.bytes,
        })
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
  const { conn } = await getDuckDB();
  const done = async (
    origin: TableOrigin,
    m: { infos: ShardInfo[]; rows: number; bytes: number },
  ) => {
    await swapInStaging(conn);
    const { infos, rows, bytes } = m; // the cache's meta has shard identities, not refs
    return { shards, infos, rows, bytes, origin, milliseconds: performance.now() - started };
  };
  // A newer write for the same key may still be going: wait, so its entry is complete.
  await cacheWrite;
  const cached = await loadCachedTable(conn, key, ids, signal);
  if (cached) return done('cache', cached);
  const abort = () => pool.reset(signal?.reason);
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const sidecar = await loadSidecar(
      pool,
      getDuckDB().then((d) => d.conn),
      shards,
      ids,
      signal,
    );
    return sidecar.found ? done('sidecar', sidecar) : { note: sidecar.note };
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

const isBuilt = (x: BuiltDataset | { note?: string }): x is BuiltDataset => 'origin' in x;

/** The last cache write, so the size shown (and a later open) can wait for it. */
let cacheWrite: Promise<boolean> = Promise.resolve(false);

/** Bytes of cached tables, once the latest write has finished. */
export async function cachedDataBytes(): Promise<number> {
  await cacheWrite;
  return cachedBytes();
}

/** Drops every cached table (the open dataset stays open); the next open builds again. */
export async function forgetCachedData(): Promise<void> {
  await cacheWrite;
  await forgetCachedTables();
}

/** Runs one statement with positional `?` parameters and returns plain rows. */
export async function runQuery<T extends Row = Row>(query: SqlQuery): Promise<T[]> {
  const { conn } = await getDuckDB();
  const statement = await conn.prepare(query.sql);
  try {
    const table = await statement.query(...query.params);
    return table.toArray().map((row) => row.toJSON() as T);
  } finally {
    await statement.close();
  }
}

/** Where a shard row lives: its row group and its offset in it. */
function locate(shard: number, shardRow: number) {
  const dataset = current;
  const info = dataset?.infos[shard];
  const ref = dataset?.shards[shard];
  if (!info || !ref) throw new Error(`no shard ${shard} in the open dataset`);
  let rowInGroup = shardRow;
  const rowGroup = info.rowGroups.findIndex((g) => {
    if (rowInGroup < g.rows) return true;
    rowInGroup -= g.rows;
    return false;
  });
  if (rowGroup < 0) throw new Error(`row ${shardRow} is beyond shard ${ref.name}`);
  return { ref, info, rowGroup, rowInGroup };
}

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

/**
 * The first user prompt of each row, read with one request per row group they fall in (the text
 * leaves only), spread over the parquet workers.
 */
export async function readPreviews(
  rows: readonly RowLocator[],
): Promise<Map<string, string | null>> {
  const groups = new Map<string, { shard: number; rowGroup: number; rows: Map<number, string> }>();
  for (const row of rows) {
    const { rowGroup, rowInGroup } = locate(row.shard, row.shard_row);
    const id = `${row.shard}:${rowGroup}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { shard: row.shard, rowGroup, rows: new Map() }));
    group.rows.set(rowInGroup, previewKey(row));
  }
  const result = new Map<string, string | null>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const { ref, info } = locate(group.shard, 0);
      const rowsInGroup = [...group.rows.keys()].sort((a, b) => a - b);
      const { previews } = await pool.run({
        type: 'previews',
        shard: ref,
        rowGroup: group.rowGroup,
        rowsInGroup,
        // `conversationLeaves` starts with the `content` and `role` leaves (shard-schema.ts).
        leaves: info.columns.conversationLeaves.slice(0, 2),
      });
      rowsInGroup.forEach((r, i) => result.set(group.rows.get(r)!, previews[i] ?? null));
    }),
  );
  return result;
}

export interface MessagesProgress {
  conversationsDone: number;
  conversationsTotal: number;
  messages: number;
}

/**
 * Fills the `messages` table (src/sql/messages-table.ts) with every message of these
 * conversations, read one row-group span at a time through the parquet workers. The table is
 * swapped in only when complete, so a cancelled load keeps the previous one.
 */
export async function loadMessages(
  conversations: readonly {
    row: number;
    conversation_id: string;
    shard: number;
    shard_row: number;
  }[],
  options: { signal?: AbortSignal; onProgress?: (p: MessagesProgress) => void } = {},
): Promise<MessagesProgress> {
  const groups = new Map<string, { shard: number; rowGroup: number; picks: MessagePick[] }>();
  for (const c of conversations) {
    const { rowGroup, rowInGroup } = locate(c.shard, c.shard_row);
    const id = `${c.shard}:${rowGroup}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { shard: c.shard, rowGroup, picks: [] }));
    group.picks.push({ offset: rowInGroup, row: c.row, conversationId: c.conversation_id });
  }
  const { conn } = await getDuckDB();
  await conn.query(buildCreateMessagesTable(MESSAGES_STAGING));
  const progress: MessagesProgress = {
    conversationsDone: 0,
    conversationsTotal: conversations.length,
    messages: 0,
  };
  options.onProgress?.({ ...progress });
  // One request per row group; DuckDB inserts one batch at a time while the workers read ahead.
  let inserting = Promise.resolve();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      options.signal?.throwIfAborted();
      const { ref, info } = locate(group.shard, 0);
      const picks = group.picks.sort((a, b) => a.offset - b.offset);
      const result = await pool.run({
        type: 'messages',
        shard: ref,
        rowGroup: group.rowGroup,
        picks,
        leaves: info.columns.conversationLeaves,
      });
      options.signal?.throwIfAborted();
      inserting = inserting.then(() => {
        // A cancelled load must not write into the staging table of the next one.
        options.signal?.throwIfAborted();
        return conn.insertArrowFromIPCStream(result.ipc, { name: MESSAGES_STAGING, create: false });
      });
      await inserting;
      progress.conversationsDone += picks.length;
      progress.messages += result.messages;
      options.onProgress?.({ ...progress });
    }),
  );
  options.signal?.throwIfAborted();
  await conn.query(buildSwapMessagesTable(MESSAGES_STAGING));
  return progress;
}

/**
 * The open dataset, as an opaque token: a completed search belongs to the dataset it scanned, and
 * is stale once this changes.
 */
export function openDataset(): object | undefined {
  return current;
}

/**
 * Starts the search workers and opens every shard in each (footers only), so a first search does
 * not pay for it: call when the user shows intent (focus in the search box). Idempotent per
 * dataset; failures are left for the search itself to report.
 */
export function prepareSearch(): void {
  const dataset = current;
  if (!dataset || prepared === dataset) return;
  prepared = dataset;
  searchPool ??= new ParquetPool();
  const pool = searchPool;
  // Requests go to the least busy worker: `size` of them per shard reach every worker once.
  for (const shard of dataset.shards)
    for (let i = 0; i < pool.size; i++) pool.run({ type: 'inspect', shard }).catch(() => undefined);
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
  searchPool ??= new ParquetPool();
  return runSearch(searchPool, dataset, spec, options).then((result) => ({ ...result, dataset }));
}
