import { Table, tableToIPC } from 'apache-arrow';
import { computeConversationBatch } from '../../build/conversation-metadata';
import type { MetadataTask, WorkerResults } from '../parquet-protocol';
import { withRowGroup } from '../shard-files';

/** One row group's `conversations` rows, computed from its leaves (the build). */
export async function metadata(task: MetadataTask): Promise<WorkerResults['metadata']> {
  return withRowGroup(task.shard, task.rowGroup, task.leaves, (input) => {
    let shardRowStart = task.shardRowStart;
    const batches = input.batches.map((batch) => {
      const out = computeConversationBatch(batch, {
        shard: task.shardIndex,
        shardRowStart,
        shardRowOffset: task.shardRowOffset,
      });
      shardRowStart += batch.numRows;
      return out;
    });
    // Serialised here, while the input's buffers (which `batches` may share) are still alive.
    return { ipc: tableToIPC(new Table(batches), 'stream'), rows: input.numRows };
  });
}
