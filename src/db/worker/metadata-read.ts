import { RecordBatch, Table, tableToIPC } from 'apache-arrow';
import { computeConversationBatch, type LeafBatch } from '../build/conversation-metadata';
import { planReads, type ChunkLayout, type Span } from './chunk-layout';
import type { MetadataTask, ShardRef, WorkerResults } from './parquet-protocol';

/** What reading a build task needs from its worker (the browser's, or Node's in tests). */
export interface LeafReader {
  /** Where the shard's chunks lie; undefined reads every leaf at once, as parquet-wasm plans. */
  layout(shard: ShardRef): Promise<ChunkLayout | undefined>;
  /** The leaves of the row groups, copied out of wasm. */
  read(shard: ShardRef, rowGroups: number[], leaves: string[]): Promise<Table>;
  /** The leaves of the row groups, read in place by `use` (views on wasm memory). */
  withRead<T>(
    shard: ShardRef,
    rowGroups: number[],
    leaves: string[],
    use: (table: Table) => T,
  ): Promise<T>;
  /** Fetches byte spans of the shard ahead of its reads; returns their release. */
  prefetch?(shard: ShardRef, pieces: Span[]): (() => void) | undefined;
}

/**
 * The `conversations` rows of a run of row groups (the build). Their leaves are read in runs that
 * skip the large chunks between them (the text: parquet-wasm merges one read's ranges across gaps
 * of up to about a megabyte), and the bytes of every run are fetched ahead in a few large requests
 * that parquet-wasm's own requests then find in memory (chunk-layout.ts, range-cache.ts).
 */
export async function metadataRows(
  task: MetadataTask,
  reader: LeafReader,
): Promise<WorkerResults['metadata']> {
  const layout = await reader.layout(task.shard);
  const plan = layout && planReads(layout, task.rowGroups, task.leaves);
  const runs = plan?.runs ?? [task.leaves];
  const release = plan?.pieces.length ? reader.prefetch?.(task.shard, plan.pieces) : undefined;
  try {
    // Every run but the last is copied out of wasm: the next read may grow (and detach) its memory.
    const copies: Table[] = [];
    for (const run of runs.slice(0, -1))
      copies.push(await reader.read(task.shard, task.rowGroups, run));
    return await reader.withRead(task.shard, task.rowGroups, runs[runs.length - 1]!, (last) => {
      let shardRowStart = task.shardRowStart;
      const batches = last.batches.map((batch, i) => {
        const parts = [...copies.map((copy) => copy.batches[i]), batch];
        if (parts.some((part) => part?.numRows !== batch.numRows)) {
          throw new Error(`${task.shard.name}: the reads of one row group disagree on its rows`);
        }
        const out = computeConversationBatch(joined(parts as RecordBatch[]), {
          shard: task.shardIndex,
          shardRowStart,
          shardRowOffset: task.shardRowOffset,
        });
        shardRowStart += batch.numRows;
        return out;
      });
      // Serialised here, while the input's buffers (which `batches` may share) are still alive.
      return { ipc: tableToIPC(new Table(batches), 'stream'), rows: last.numRows };
    });
  } finally {
    release?.();
  }
}

/** Batches of the same rows with different columns, as one (each column from its own batch). */
function joined(parts: RecordBatch[]): LeafBatch {
  if (parts.length === 1) return parts[0]!;
  return {
    numRows: parts[0]!.numRows,
    getChild: (name: string) => {
      for (const part of parts) {
        const child = part.getChild(name);
        if (child) return child;
      }
      return null;
    },
  };
}
