import { parentPort, workerData } from 'node:worker_threads';
import { DuckDBInstance } from '@duckdb/node-api';
import { foldText } from '../../../src/model/text-fold';
import { quoteString } from '../../../src/sql/quote';
import type { ShardRange } from './plan';
import { TermTable, type PartialIndex } from './term-table';

/**
 * One worker of the text index (../write-text-index.ts): reads its ranges of rows' messages with
 * native DuckDB, folds and splits each message into terms, and posts back its sorted partial
 * index. Every worker has its own DuckDB of one thread, so reading is as parallel as the rest.
 */

export interface WorkerTask {
  module: string;
  ranges: ShardRange[];
  /** Set to 1 by the main thread when another worker failed: stop, post nothing. */
  stop: Int32Array;
}

/** Seconds per phase, summed over the worker's messages. */
export interface WorkerTiming {
  read: number;
  fold: number;
  terms: number;
  sortTerms: number;
  sortPostings: number;
}

export interface WorkerDone {
  partial: PartialIndex;
  timing: WorkerTiming;
  messages: number;
  /** Code units of text folded. */
  chars: number;
  terms: number;
}

const { ranges, stop } = workerData as WorkerTask;
const timing: WorkerTiming = { read: 0, fold: 0, terms: 0, sortTerms: 0, sortPostings: 0 };
const table = new TermTable();
let messages = 0;
let chars = 0;
let stopped = false;
/** A chunk asked for and not yet received: awaited before DuckDB closes, whatever happens. */
let pending: Promise<unknown> | undefined;
const db = await DuckDBInstance.create(':memory:', { threads: '1' });
const conn = await db.connect();
try {
  for (const range of ranges) {
    if (stopped) break;
    // One row per message, in file order: `r` is its conversation's row in the shard. Both shapes
    // (src/db/build/shard-schema.ts) hold messages as `conversation: list<struct<content, role>>`.
    const result = await conn.stream(
      `SELECT r, m.role AS role, m.content AS content FROM (
         SELECT file_row_number AS r, unnest(conversation) AS m
         FROM read_parquet(${quoteString(range.path)}, file_row_number = true)
         WHERE file_row_number >= ${range.from} AND file_row_number < ${range.to})`,
    );
    let previous = -1;
    const folded: string[] = [];
    // The next chunk is asked for before this one is split, so DuckDB decodes it meanwhile.
    let next = result.fetchChunk();
    pending = next;
    for (;;) {
      let t = performance.now();
      const chunk = await next;
      pending = undefined;
      if (!chunk || chunk.rowCount === 0) break;
      if (Atomics.load(stop, 0) !== 0) {
        stopped = true;
        break;
      }
      const [rs, roles, contents] = chunk.getColumns() as [
        bigint[],
        (string | null)[],
        (string | null)[],
      ];
      next = result.fetchChunk();
      pending = next;
      const n = chunk.rowCount;
      let now = performance.now();
      timing.read += now - t;
      t = now;
      for (let i = 0; i < n; i++) {
        const content = contents[i];
        folded[i] = content == null ? '' : foldText(content);
        chars += content?.length ?? 0;
      }
      now = performance.now();
      timing.fold += now - t;
      t = now;
      for (let i = 0; i < n; i++) {
        const r = Number(rs[i]);
        // Dedupe and the lists' order rest on this: DuckDB of one thread keeps file order.
        if (r < previous) throw new Error(`${range.path}: messages came out of row order`);
        previous = r;
        const role = roles[i];
        table.addMessage(
          folded[i]!,
          range.rowOffset + r,
          role === 'user' ? 0 : role === 'assistant' ? 1 : 2,
        );
      }
      messages += n;
      timing.terms += performance.now() - t;
    }
  }
} finally {
  await pending?.catch(() => undefined);
  conn.closeSync();
  db.closeSync();
}
// Stopped: the thread ends without a result, which the main thread expects.
if (!stopped) post();

function post(): void {
  for (const key of ['read', 'fold', 'terms'] as const) timing[key] /= 1000;
  const terms = table.size;
  const partial = table.finish(timing);
  const done: WorkerDone = { partial, timing, messages, chars, terms };
  parentPort!.postMessage(done, [
    partial.ends.buffer,
    partial.counts.buffer,
    partial.rows.buffer,
  ] as ArrayBuffer[]);
}
