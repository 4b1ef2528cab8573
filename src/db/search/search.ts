import {
  Int32,
  Int64,
  makeData,
  RecordBatch,
  Schema,
  Field,
  Struct,
  Table,
  tableToIPC,
} from 'apache-arrow';
import { searchPattern } from '../../model/search-pattern';
import { type SearchSpec } from '../../model/search-spec';
import { buildCreateSearchHitsTable, SEARCH_HITS } from '../../sql/search-hits';
import type { BuiltDataset } from '../build/build-conversations';
import type { DuckDB } from '../engine/duckdb';
import type { ParquetPool } from '../worker/parquet-pool';
import type { SearchTask } from '../worker/parquet-protocol';
import { runLanes, type Lanes } from '../worker/lanes';
import { textLeaves, type SearchSnippet } from './search-scan';
import type { RowSet } from '../text-index/row-set';

export type { SearchSnippet };

export interface SearchProgress {
  rowGroupsDone: number;
  rowGroupsTotal: number;
  rowsDone: number;
  rowsTotal: number;
  /** Compressed bytes of the text and role leaves read so far, of all of them. */
  bytesDone: number;
  bytesTotal: number;
  /** Conversations matched so far. */
  matches: number;
  /** Why the dataset's text index could not narrow this search (it reads every row group). */
  withoutIndex?: string;
  /** The conversations the text index left to verify: the most that can match. */
  candidates?: number;
}

export interface SearchOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SearchProgress) => void;
  /** New snippets (the first `snippetLimit` hits overall, in the order found) as row groups finish. */
  onHits?: (snippets: SearchSnippet[]) => void;
  snippetLimit?: number;
  /**
   * A pool whose workers are already running (the page's reader), lent until `pool` answers its
   * first row group: a first search does not wait for new workers to start.
   */
  lend?: ParquetPool;
  /**
   * The text index's answer: only these rows are read and tested, and when `exact` they are the
   * matches (only the first row groups are read, for snippets).
   */
  candidates?: { rows: RowSet; exact: boolean };
  withoutIndex?: string;
}

export interface SearchResult {
  /** Names this search's rows in `search_hits`. */
  id: number;
  matches: number;
  milliseconds: number;
  withoutIndex?: string;
}

let nextSearchId = 1;

/** The bench reads these measures (scripts/bench/search-step.ts): keep names and details stable. */
export const SEARCH_MEASURE = 'convoscope:search';
export const FIRST_HITS_MEASURE = 'convoscope:search-first-hits';
/** Hits that make "the first page" for the first-hits measure. */
const FIRST_PAGE = 100;
/** The longest a search's own workers wait for a lent one's first answer (a slow host, a build). */
const LENT_HEAD_START_MS = 1000;

/**
 * Scans the `conversation` text of every row group of `dataset` in the search pool's workers and,
 * once complete, stores the matching `row`s in `search_hits` under a new id. Row groups stream:
 * progress and the first snippets are reported as each one finishes. Abort via `signal` resets the
 * pool (a parquet-wasm read cannot be stopped) and rejects with the signal's reason; nothing is
 * stored then. `options.lend` lends its workers until `pool`'s are up.
 */
export async function runSearch(
  { pool, duckdb }: { pool: ParquetPool; duckdb: DuckDB },
  dataset: BuiltDataset,
  spec: SearchSpec,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const { signal, onProgress, onHits, snippetLimit = 20, lend, candidates, withoutIndex } = options;
  const built = searchPattern(spec);
  if ('error' in built) throw new Error(built.error);
  const started = performance.now();
  const tasks = planSearch(dataset, spec, snippetLimit, candidates);
  const exact = candidates?.exact ? candidates.rows.rows() : undefined;
  const progress: SearchProgress = {
    rowGroupsDone: 0,
    rowGroupsTotal: tasks.length,
    rowsDone: 0,
    rowsTotal: candidates ? tasks.reduce((sum, t) => sum + t.rows, 0) : dataset.rows,
    bytesDone: 0,
    bytesTotal: tasks.reduce((sum, t) => sum + t.bytes, 0),
    matches: exact?.length ?? 0,
    withoutIndex,
    ...(candidates && !exact && { candidates: candidates.rows.count() }),
  };
  // An abort rejects at once, whatever the lanes wait for: the pool's reads end with its reset, a
  // lent worker's read (one row group) is left to finish, and its result dropped.
  let cancel: (reason: unknown) => void = () => undefined;
  const cancelled = new Promise<never>((_, reject) => (cancel = reject));
  cancelled.catch(() => undefined);
  const abort = () => {
    const reason: unknown = signal?.reason ?? new DOMException('Cancelled', 'AbortError');
    pool.reset(reason);
    cancel(reason);
  };
  signal?.addEventListener('abort', abort, { once: true });
  const found: number[][] = [];
  let snippetsSent = 0;
  try {
    signal?.throwIfAborted();
    onProgress?.({ ...progress });
    if (exact) {
      if (exact.length >= FIRST_PAGE) measureFirstHits(started);
      found.push(exact);
    }
    let poolAnswered = false;
    let firstAnswer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (firstAnswer = resolve));
    const scan = async (from: ParquetPool, { task, bytes }: (typeof tasks)[number]) => {
      const result = await from.run({ type: 'search', task }).finally(firstAnswer);
      if (from === pool) poolAnswered = true;
      signal?.throwIfAborted();
      progress.rowGroupsDone++;
      progress.rowsDone += result.scanned;
      progress.bytesDone += bytes;
      if (!exact) {
        found.push(result.rows);
        const before = progress.matches;
        progress.matches += result.rows.length;
        if (before < FIRST_PAGE && progress.matches >= FIRST_PAGE) measureFirstHits(started);
      }
      const snippets = result.snippets.slice(0, snippetLimit - snippetsSent);
      snippetsSent += snippets.length;
      if (snippets.length > 0) onHits?.(snippets);
      onProgress?.({ ...progress });
    };
    const lent = lend?.started ? lend : undefined;
    const lanes: Lanes<(typeof tasks)[number]>[] = [
      // Two reads per worker: one fetches while the other decodes. With workers lent, those go
      // first (for a second at most): the first hits come sooner, the cores not shared six ways.
      {
        count: pool.size * 2,
        run: (item) => scan(pool, item),
        after: lent && Promise.race([answered, delay(LENT_HEAD_START_MS)]),
      },
    ];
    // Lent until the pool answers; never reset, as they are the page's reader.
    if (lent)
      lanes.push({ count: lent.size, run: (item) => scan(lent, item), done: () => poolAnswered });
    await Promise.race([runLanes(tasks, lanes, signal), cancelled]);
    const id = nextSearchId++;
    await storeHits(duckdb, id, found);
    signal?.throwIfAborted();
    performance.measure(SEARCH_MEASURE, {
      start: started,
      end: performance.now(),
      detail: {
        matches: progress.matches,
        rows: dataset.rows,
        scanned: progress.rowsDone,
        bytes: progress.bytesDone,
        index: candidates ? (exact ? 'exact' : 'verified') : withoutIndex ? 'not used' : 'none',
      },
    });
    return {
      id,
      matches: progress.matches,
      milliseconds: performance.now() - started,
      withoutIndex,
    };
  } catch (error) {
    // An abort has already reset the pool; a failed read stops the reads still in flight.
    if (!signal?.aborted) pool.reset(error);
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

function measureFirstHits(started: number): void {
  performance.measure(FIRST_HITS_MEASURE, {
    start: started,
    end: performance.now(),
    detail: { hits: FIRST_PAGE },
  });
}

/**
 * A read per row group; with the index's candidates, only of the groups holding some, and when
 * they are exact only of the first groups that give `snippetLimit` snippets.
 */
function planSearch(
  dataset: BuiltDataset,
  spec: SearchSpec,
  snippetLimit: number,
  candidates: SearchOptions['candidates'],
) {
  const tasks: { task: SearchTask; bytes: number; rows: number }[] = [];
  let firstRow = 0;
  let snippets = 0;
  dataset.infos.forEach((info, shardIndex) => {
    const leaves = textLeaves(info.columns.conversationLeaves, spec.scope);
    info.rowGroups.forEach((group, rowGroup) => {
      const only = candidates?.rows.rows(firstRow, firstRow + group.rows);
      const wanted = only
        ? only.length > 0 && !(candidates!.exact && snippets >= snippetLimit)
        : true;
      if (group.rows > 0 && wanted) {
        const shard = dataset.shards[shardIndex]!;
        snippets += only?.length ?? 0;
        tasks.push({
          task: { shard, rowGroup, firstRow, leaves, spec, snippetLimit, ...(only && { only }) },
          bytes: group.textBytes,
          rows: group.rows,
        });
      }
      firstRow += group.rows;
    });
  });
  return tasks;
}

/** Inserts one search's rows as Arrow (DuckDB-WASM takes the IPC buffer; no SQL text per row). */
async function storeHits(duckdb: DuckDB, id: number, found: number[][]): Promise<void> {
  const n = found.reduce((sum, rows) => sum + rows.length, 0);
  const rows = new BigInt64Array(n);
  let i = 0;
  for (const chunk of found) for (const row of chunk) rows[i++] = BigInt(row);
  const { conn } = await duckdb();
  await conn.query(buildCreateSearchHitsTable());
  if (n === 0) return;
  const columns = [
    makeData({ type: new Int32(), length: n, data: new Int32Array(n).fill(id) }),
    makeData({ type: new Int64(), length: n, data: rows }),
  ];
  const fields = [new Field('search_id', new Int32(), false), new Field('row', new Int64(), false)];
  const struct = makeData({ type: new Struct(fields), length: n, children: columns });
  const table = new Table(new RecordBatch(new Schema(fields), struct));
  await conn.insertArrowFromIPCStream(tableToIPC(table, 'stream'), {
    name: SEARCH_HITS,
    create: false,
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
