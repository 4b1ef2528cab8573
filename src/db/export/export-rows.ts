/// <reference lib="webworker" />
import {
  Compression,
  ParquetFile,
  RecordBatch,
  transformParquetStream,
  wasmMemory,
  WriterPropertiesBuilder,
} from 'parquet-wasm/esm';
import { jsonLine } from './export-jsonl';
import type { ShardRef, WorkerResults } from '../worker/parquet-protocol';
import { withViews } from '../worker/wasm-views';

/**
 * The export's work inside a parquet worker: the picked rows of one row group with every column,
 * as JSON lines or into a streamed parquet writer. Only the span from the first to the last picked
 * row is decoded, so memory is bounded by one row group whatever the selection's size.
 */

type OpenShard = (shard: ShardRef) => Promise<ParquetFile>;

/** Rows a written parquet row group holds at most: bounds what the writer buffers before flushing. */
const OUTPUT_ROW_GROUP_ROWS = 8192;
const BATCH_ROWS = 8192;

interface Span {
  offset: number;
  limit: number;
}

function spanOf(rowsInGroup: readonly number[]): Span {
  const first = rowsInGroup[0] ?? 0;
  const last = rowsInGroup[rowsInGroup.length - 1] ?? first;
  return { offset: first, limit: last - first + 1 };
}

/** Consecutive picked rows as runs `[start, end)` relative to `base`. */
export function runsOf(rowsInGroup: readonly number[], base: number): [number, number][] {
  const runs: [number, number][] = [];
  for (const row of rowsInGroup) {
    const at = row - base;
    const last = runs[runs.length - 1];
    if (last && last[1] === at) last[1] = at + 1;
    else runs.push([at, at + 1]);
  }
  return runs;
}

async function readSpan(openShard: OpenShard, shard: ShardRef, rowGroup: number, span: Span) {
  const file = await openShard(shard);
  return file.read({ rowGroups: [rowGroup], batchSize: BATCH_ROWS, concurrency: 8, ...span });
}

export async function exportJsonl(
  openShard: OpenShard,
  request: { shard: ShardRef; rowGroup: number; rowsInGroup: number[] },
): Promise<WorkerResults['export-jsonl']> {
  const span = spanOf(request.rowsInGroup);
  const wasmTable = await readSpan(openShard, request.shard, request.rowGroup, span);
  // Read in place, not copied out through IPC, which took a large share of a row group's time;
  // a span's batches are decoded afresh, so they carry no offsets (wasm-views.test.ts).
  const text = withViews(wasmTable, wasmMemory, (table) => {
    let lines = '';
    for (const row of request.rowsInGroup) lines += jsonLine(table.get(row - span.offset));
    return lines;
  });
  return { bytes: new TextEncoder().encode(text), rows: request.rowsInGroup.length };
}

/**
 * parquet-wasm's streamed writer (`transformParquetStream`, arrow-rs' AsyncArrowWriter) pulls
 * RecordBatches from a stream we feed and emits the file's bytes as each row group is flushed.
 * `push` resolves once the writer pulls again, i.e. has written the batch; the bytes it emitted
 * meanwhile are collected by `drain`, so each answer carries what is ready and nothing accumulates.
 */
class ParquetSession {
  private controller!: ReadableStreamDefaultController<RecordBatch>;
  private pulled!: () => void;
  private nextPull: Promise<void>;
  private output: Uint8Array[] = [];
  private failure: unknown;
  private readonly finished: Promise<void>;

  constructor() {
    this.nextPull = new Promise((resolve) => (this.pulled = resolve));
    const input = new ReadableStream<RecordBatch>(
      { start: (c) => void (this.controller = c), pull: () => this.pulled() },
      { highWaterMark: 0 },
    );
    const properties = new WriterPropertiesBuilder()
      .setCompression(Compression.ZSTD)
      .setMaxRowGroupSize(OUTPUT_ROW_GROUP_ROWS)
      .build();
    // Resolves once the first batch has given the writer its schema: not awaited here.
    this.finished = transformParquetStream(input, properties)
      .then(async (bytes: ReadableStream<Uint8Array>) => {
        const reader = bytes.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          this.output.push(value);
        }
      })
      .catch((error: unknown) => {
        this.failure = error;
        this.pulled(); // a push waiting for the writer must not wait forever
      });
  }

  async push(batch: RecordBatch): Promise<void> {
    await this.nextPull;
    this.check();
    this.nextPull = new Promise((resolve) => (this.pulled = resolve));
    this.controller.enqueue(batch);
    await Promise.race([this.nextPull, this.finished]);
    this.check();
  }

  /** The bytes emitted so far, once the output stream has had a turn to hand them over. */
  async drain(): Promise<Uint8Array> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return this.take();
  }

  async close(): Promise<Uint8Array> {
    await this.nextPull;
    this.controller.close();
    await this.finished;
    this.check();
    return this.take();
  }

  private check() {
    if (this.failure !== undefined) throw this.failure;
  }

  private take(): Uint8Array {
    const chunks = this.output;
    this.output = [];
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out;
  }
}

let session: ParquetSession | undefined;

export function openParquetExport(): WorkerResults['export-parquet-open'] {
  session = new ParquetSession();
  return { bytes: new Uint8Array(0) };
}

export async function writeParquetExport(
  openShard: OpenShard,
  request: { shard: ShardRef; rowGroup: number; rowsInGroup: number[] },
): Promise<WorkerResults['export-parquet-write']> {
  if (!session) throw new Error('no parquet export is open in this worker');
  const span = spanOf(request.rowsInGroup);
  const wasmTable = await readSpan(openShard, request.shard, request.rowGroup, span);
  const runs = runsOf(request.rowsInGroup, span.offset);
  let base = 0;
  for (const batch of wasmTable.recordBatches()) {
    const end = base + batch.numRows;
    for (const [start, stop] of runs) {
      const from = Math.max(start, base);
      const to = Math.min(stop, end);
      if (from < to) await session.push(batch.slice(from - base, to - from));
    }
    batch.free();
    base = end;
  }
  wasmTable.free();
  return { bytes: await session.drain(), rows: request.rowsInGroup.length };
}

export async function closeParquetExport(): Promise<WorkerResults['export-parquet-close']> {
  if (!session) throw new Error('no parquet export is open in this worker');
  const current = session;
  session = undefined;
  return { bytes: await current.close() };
}
