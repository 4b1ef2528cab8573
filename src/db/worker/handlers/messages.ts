import { Table, tableToIPC } from 'apache-arrow';
import { messageRowsBatch } from '../../build/message-rows';
import type { WorkerRequest, WorkerResults } from '../parquet-protocol';
import { readRowGroup } from '../shard-files';

type MessagesRequest = Extract<WorkerRequest, { type: 'messages' }>;

/** The picked conversations of a row group flattened to `messages` rows, read in one span. */
export async function messages(request: MessagesRequest): Promise<WorkerResults['messages']> {
  const first = request.picks[0]?.offset ?? 0;
  const last = request.picks[request.picks.length - 1]?.offset ?? first;
  const table = await readRowGroup(request.shard, request.rowGroup, request.leaves, {
    offset: first,
    limit: last - first + 1,
  });
  const batch = messageRowsBatch(
    table,
    request.picks.map((p) => ({ ...p, offset: p.offset - first })),
  );
  return { ipc: tableToIPC(new Table([batch]), 'stream'), messages: batch.numRows };
}
