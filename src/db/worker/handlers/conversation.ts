import { conversationFromTable, previewsFromTable } from '../conversation-record';
import { keptRows } from '../kept-group';
import type { WorkerRequest, WorkerResults } from '../parquet-protocol';
import { readRowGroup } from '../shard-files';

type ConversationRequest = Extract<WorkerRequest, { type: 'conversation' }>;
type PreviewsRequest = Extract<WorkerRequest, { type: 'previews' }>;

/** One whole conversation by its locator: one row of one row group (of the kept group if giant). */
export async function conversation(
  request: ConversationRequest,
): Promise<WorkerResults['conversation']> {
  const { shard, rowGroup, rowInGroup, leaves } = request;
  const [table] = request.keep
    ? await keptRows(shard, rowGroup, leaves, [rowInGroup])
    : [await readRowGroup(shard, rowGroup, leaves, { offset: rowInGroup, limit: 1 })];
  return { messages: table ? conversationFromTable(table) : [] };
}

/** One read spanning the requested rows of a row group: the text leaves of the rows between are cheap beside a read per row. */
export async function previews(request: PreviewsRequest): Promise<WorkerResults['previews']> {
  if (request.keep) {
    const tables = await keptRows(
      request.shard,
      request.rowGroup,
      request.leaves,
      request.rowsInGroup,
    );
    return { previews: tables.map((table) => previewsFromTable(table, [0])[0] ?? null) };
  }
  const first = request.rowsInGroup[0] ?? 0;
  const last = request.rowsInGroup[request.rowsInGroup.length - 1] ?? first;
  const table = await readRowGroup(request.shard, request.rowGroup, request.leaves, {
    offset: first,
    limit: last - first + 1,
  });
  return {
    previews: previewsFromTable(
      table,
      request.rowsInGroup.map((r) => r - first),
    ),
  };
}
