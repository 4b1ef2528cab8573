import type { BuiltDataset } from './build-conversations';
import type { DuckDB } from '../engine/duckdb';
import type { ParquetPool } from '../worker/parquet-pool';
import { groupByRowGroup } from '../worker/row-groups';
import { buildCreateMessagesTable, buildSwapMessagesTable } from '../../sql/messages-table';

const MESSAGES_STAGING = 'messages_next';

export interface MessagesProgress {
  conversationsDone: number;
  conversationsTotal: number;
  messages: number;
}

export interface MessagesConversation {
  row: number;
  conversation_id: string;
  shard: number;
  shard_row: number;
}

/**
 * Fills the `messages` table (src/sql/messages-table.ts) with every message of these
 * conversations, read one row-group span at a time through the parquet workers. The table is
 * swapped in only when complete, so a cancelled load keeps the previous one.
 */
export async function loadMessagesTable(
  { pool, duckdb }: { pool: ParquetPool; duckdb: DuckDB },
  dataset: BuiltDataset | undefined,
  conversations: readonly MessagesConversation[],
  options: { signal?: AbortSignal; onProgress?: (p: MessagesProgress) => void } = {},
): Promise<MessagesProgress> {
  const { signal, onProgress } = options;
  const groups = groupByRowGroup(dataset, conversations);
  const { conn } = await duckdb();
  await conn.query(buildCreateMessagesTable(MESSAGES_STAGING));
  const progress: MessagesProgress = {
    conversationsDone: 0,
    conversationsTotal: conversations.length,
    messages: 0,
  };
  onProgress?.({ ...progress });
  // One request per row group; DuckDB inserts one batch at a time while the workers read ahead.
  let inserting = Promise.resolve();
  await Promise.all(
    groups.map(async (group) => {
      signal?.throwIfAborted();
      const result = await pool.run({
        type: 'messages',
        shard: group.ref,
        rowGroup: group.rowGroup,
        picks: group.items.map(({ rowInGroup, item }) => ({
          offset: rowInGroup,
          row: item.row,
          conversationId: item.conversation_id,
        })),
        leaves: group.info.columns.conversationLeaves,
      });
      signal?.throwIfAborted();
      inserting = inserting.then(() => {
        // A cancelled load must not write into the staging table of the next one.
        signal?.throwIfAborted();
        return conn.insertArrowFromIPCStream(result.ipc, { name: MESSAGES_STAGING, create: false });
      });
      await inserting;
      progress.conversationsDone += group.items.length;
      progress.messages += result.messages;
      onProgress?.({ ...progress });
    }),
  );
  signal?.throwIfAborted();
  await conn.query(buildSwapMessagesTable(MESSAGES_STAGING));
  return progress;
}
