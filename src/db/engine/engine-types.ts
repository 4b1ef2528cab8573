import type { BuildProgress, BuiltDataset, TableOrigin } from '../build/build-conversations';
import type { MessagesConversation, MessagesProgress } from '../build/messages-load';
import type { StoredIdSet } from '../console/console-id-sets';
import type { ConsoleResult } from '../console/sql-console';
import type { ExportProgress, ShardExportOptions } from '../export/export-session';
import type { SearchOptions, SearchResult } from '../search/search';
import type { MessageRecord, ShardRef } from '../worker/parquet-protocol';
import type { CategoryId } from '../../model/moderation';
import type { Row } from '../../model/row';
import type { SearchSpec } from '../../model/search-spec';
import type { SqlQuery } from '../../sql/query';

/**
 * The open dataset, as the rest of the app sees it. Each open makes a new one with a new `id`: a
 * completed search or a stored id set belongs to the dataset it was made over, and query keys
 * carry the id.
 */
export interface OpenDataset {
  readonly id: number;
  readonly rows: number;
  /** Whether the table was built from the shards, read from the cache or from an index sidecar. */
  readonly origin: TableOrigin;
  /** Something the user should know about how the table was made (e.g. a stale sidecar). */
  readonly note?: string;
}

/** The engine's own record of the open dataset: its shards' layout besides what the app sees. */
export type EngineDataset = BuiltDataset & OpenDataset;

export interface OpenOptions {
  signal?: AbortSignal;
  onProgress?: (p: BuildProgress) => void;
}

/** A list row's locator; previews are keyed by `previewKey`. */
export interface RowLocator {
  shard: number;
  shard_row: number;
}
export const previewKey = (l: RowLocator) => `${l.shard}:${l.shard_row}`;

/** A conversation read that must first read its whole (giant) row group, which is then kept. */
export interface GroupReadProgress {
  /** The shard's name. */
  file: string;
  /** 0-based. */
  rowGroup: number;
  /** Row groups in the shard. */
  rowGroups: number;
  /** Compressed bytes of the group's text. */
  bytes: number;
}

/**
 * The engine behind one interface: the rest of the app asks for rows and conversations and never
 * sees DuckDB, parquet-wasm or Arrow. `createEngine()` makes the one of the page; tests use
 * `createFakeEngine()` (src/db/testing/fake-engine.ts). Methods may be passed around unbound.
 */
export interface Engine {
  /** Starts DuckDB now rather than on first use (compiling it is the slowest part of a first open). */
  start(): Promise<unknown>;
  /**
   * Makes `conversations` for these shards: from the OPFS cache when it holds exactly these shards,
   * else from an `index` sidecar beside them, else by building it (then cached for next time). The
   * previous dataset stays until this one is complete.
   */
  open(shards: ShardRef[], options?: OpenOptions): Promise<OpenDataset>;
  /** The open dataset, if any. */
  dataset(): OpenDataset | undefined;
  /**
   * Runs one statement with positional `?` parameters and returns plain rows. `urgent` statements
   * (the reads of the small pre-aggregated cubes, and the facet and chart statements for states the
   * cubes cannot answer) go before the others waiting.
   */
  query<T extends Row = Row>(query: SqlQuery, options?: { urgent?: boolean }): Promise<T[]>;
  /**
   * Reads one whole conversation through its locator: one row group of one shard, never a scan.
   * `onProgress` hears, before the read, when it must first read a giant row group whole.
   */
  readConversation(
    shard: number,
    shardRow: number,
    options?: { onProgress?: (progress: GroupReadProgress) => void },
  ): Promise<MessageRecord[]>;
  /** The first user prompt of each row (keyed by `previewKey`): one request per row group. */
  readPreviews(rows: readonly RowLocator[]): Promise<Map<string, string | null>>;
  /** Starts the search workers at the user's intent (focus in the search box), once per dataset. */
  prepareSearch(): void;
  /**
   * Scans the text of every conversation of the open dataset for `spec`, streaming progress and
   * the first snippets; on completion the matching `row`s are in `search_hits` under the returned
   * id (src/sql/search-hits.ts joins them). Cancel with `options.signal`.
   */
  search(
    spec: SearchSpec,
    options?: Omit<SearchOptions, 'lend'>,
  ): Promise<SearchResult & { dataset: OpenDataset }>;
  /** Starts the export's workers at the user's intent (the Export dialog opens). */
  prepareExport(): void;
  /** Writes the selection's rows from the shards, every original column, as JSONL or parquet. */
  exportSelection(options: ShardExportOptions): Promise<ExportProgress>;
  /** Loads `messages` for these conversations of the open dataset. */
  loadMessages(
    conversations: readonly MessagesConversation[],
    options?: { signal?: AbortSignal; onProgress?: (p: MessagesProgress) => void },
  ): Promise<MessagesProgress>;
  /** Makes the charts' pre-aggregated counts for this score category, once per dataset. */
  prepareScoreCube(category: CategoryId): Promise<void>;
  /** Whether `shared_ids` of the open dataset is made (summaries can be read by ordinal). */
  sharedIdsReady(): boolean;
  /** Runs one read-only console statement (rolled back) and keeps at most `maxRows` rows. */
  consoleQuery(
    sql: string,
    options: { maxRows: number; signal?: AbortSignal },
  ): Promise<ConsoleResult>;
  /** Stores the distinct `conversation_id`s a console query returns as a set in `id_sets`. */
  storeIdSet(sql: string, signal?: AbortSignal): Promise<StoredIdSet>;
  /** Frees a stored id set. */
  dropIdSet(id: number): Promise<void>;
  /** Bytes of cached tables, once the latest write has finished. */
  cachedBytes(): Promise<number>;
  /** Drops every cached table (the open dataset stays open); the next open builds again. */
  forgetCache(): Promise<void>;
  /** Ends the engine's workers and DuckDB; the engine is unusable afterwards. */
  close(): Promise<void>;
}
