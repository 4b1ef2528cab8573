import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TextIndexEntry } from '../../src/db/build/sidecar';
import {
  ByteWriter,
  TEXT_INDEX_FILES,
  TEXT_INDEX_FORMAT,
  writeDir,
  writeWords,
} from '../../src/db/text-index/format';
import { mergePartials } from './text-index/merge';
import { splitRows, type ShardRange } from './text-index/plan';
import type { WorkerDone, WorkerTask, WorkerTiming } from './text-index/worker';

/** What the build took, for the CLI. */
export interface TextIndexStats {
  /** Wall seconds: all of it, the workers (read to sorted partials), the merge (and writes). */
  seconds: number;
  workerSeconds: number;
  mergeSeconds: number;
  /** Per phase, the workers' seconds added up (each worker is one thread). */
  phases: WorkerTiming;
  workers: number;
  messages: number;
  /** Code units of message text. */
  chars: number;
  /** Terms per worker before the merge: the overlap shows in their sum against `terms`. */
  workerTerms: number[];
  postings: number;
}

/**
 * Writes the text index (src/db/text-index/format.ts) of these shards, in this order (a row's
 * global number counts the rows of the shards before it, as the `conversations` table's `row`),
 * into `outDir`, and returns its manifest entry. Each file is written as `.partial` and renamed
 * when all four are complete.
 *
 * The rows are split into one contiguous range per worker thread; each worker reads its messages
 * with DuckDB, folds and splits them into terms and sends back its terms sorted with their lists
 * (text-index/worker.ts); the main thread merges those in term order into the files.
 */
export async function writeTextIndex(options: {
  shards: readonly { path: string; rows: number }[];
  outDir: string;
  threads?: number;
  onStats?: (stats: TextIndexStats) => void;
}): Promise<TextIndexEntry> {
  const started = performance.now();
  const rows = options.shards.reduce((sum, s) => sum + s.rows, 0);
  const plan =
    rows === 0 ? [] : splitRows(options.shards, options.threads ?? availableParallelism());
  // Raised when a worker fails, so the others stop at their next chunk. Never `terminate()`: a
  // worker stopped inside DuckDB's native code takes the whole process down.
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const workers = plan.map((ranges) => runWorker(ranges, stop));
  const settled = workers.map((w) =>
    w.then(
      () => undefined,
      () => void Atomics.store(stop, 0, 1),
    ),
  );
  let done: WorkerDone[];
  try {
    done = await Promise.all(workers);
  } catch (error) {
    await Promise.all(settled);
    throw error;
  }
  const workerSeconds = (performance.now() - started) / 1000;
  const phases: WorkerTiming = { read: 0, fold: 0, terms: 0, sortTerms: 0, sortPostings: 0 };
  for (const d of done)
    for (const key of Object.keys(phases) as (keyof WorkerTiming)[]) phases[key] += d.timing[key];
  const stats: TextIndexStats = {
    seconds: 0,
    workerSeconds,
    mergeSeconds: 0,
    phases,
    workers: done.length,
    messages: done.reduce((sum, d) => sum + d.messages, 0),
    chars: done.reduce((sum, d) => sum + d.chars, 0),
    workerTerms: done.map((d) => d.terms),
    postings: done.reduce((sum, d) => sum + d.partial.rows.length, 0),
  };

  await mkdir(options.outDir, { recursive: true });
  const paths = {
    dir: join(options.outDir, TEXT_INDEX_FILES.dir),
    vocab: join(options.outDir, TEXT_INDEX_FILES.vocab),
    postings: join(options.outDir, TEXT_INDEX_FILES.postings),
    words: join(options.outDir, TEXT_INDEX_FILES.words),
  };
  const partial = (path: string) => `${path}.partial`;
  const fds = { dir: -1, vocab: -1, postings: -1 };
  let entry: TextIndexEntry;
  try {
    for (const key of ['dir', 'vocab', 'postings'] as const)
      fds[key] = openSync(partial(paths[key]), 'w');
    const merged = mergePartials(
      done.map((d) => d.partial),
      fds,
    );
    done.length = 0;
    const dir = new ByteWriter();
    writeDir(dir, merged.dir);
    const dirBytes = dir.view();
    for (let at = 0; at < dirBytes.length;)
      at += writeSync(fds.dir, dirBytes, at, dirBytes.length - at);
    const words = new ByteWriter();
    writeWords(words, merged.words.joined, merged.words.listBytes);
    const gzipped = gzipSync(words.view());
    await writeFile(partial(paths.words), gzipped);
    const bytes = {
      dir: dirBytes.length,
      vocab: merged.vocabBytes,
      postings: merged.postingsBytes,
      words: gzipped.length,
    };
    entry = {
      format: TEXT_INDEX_FORMAT,
      rows,
      terms: merged.terms,
      files: {
        dir: { file: TEXT_INDEX_FILES.dir, bytes: bytes.dir },
        vocab: { file: TEXT_INDEX_FILES.vocab, bytes: bytes.vocab },
        postings: { file: TEXT_INDEX_FILES.postings, bytes: bytes.postings },
        words: { file: TEXT_INDEX_FILES.words, bytes: bytes.words },
      },
    };
  } catch (error) {
    await Promise.all(Object.values(paths).map((p) => rm(partial(p), { force: true })));
    throw error;
  } finally {
    for (const fd of Object.values(fds)) if (fd >= 0) closeSync(fd);
  }
  for (const path of Object.values(paths)) await rename(partial(path), path);
  stats.seconds = (performance.now() - started) / 1000;
  stats.mergeSeconds = stats.seconds - workerSeconds;
  options.onStats?.(stats);
  return entry;
}

function runWorker(ranges: ShardRange[], stop: Int32Array): Promise<WorkerDone> {
  const task: WorkerTask = {
    module: new URL('./text-index/worker.ts', import.meta.url).href,
    ranges,
    stop,
  };
  const worker = new Worker(new URL('./text-index/boot.mjs', import.meta.url), {
    workerData: task,
  });
  return new Promise<WorkerDone>((resolve, reject) => {
    let result: WorkerDone | undefined;
    worker.once('message', (message: WorkerDone) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`a text index worker stopped (exit code ${code}) without a result`));
    });
  });
}
