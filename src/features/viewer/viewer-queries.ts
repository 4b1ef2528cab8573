import { queryOptions, skipToken } from '@tanstack/react-query';
import type { Engine, GroupReadProgress } from '../../db';
import { formatBytes } from '../../lib/format';
import {
  buildConversationSummaryQuery,
  buildRowSummaryQuery,
  type PickedSummary,
} from '../../sql/conversation-summary';

/**
 * The `conversations` row of an id from the URL, the `occurrence`-th (1-based, natural order) of the
 * rows with that id; null when the dataset has no such row.
 */
export function conversationSummaryOptions(
  engine: Engine,
  datasetId: number,
  conversationId: string,
  occurrence: number,
) {
  return queryOptions({
    queryKey: ['conversation', 'summary', datasetId, conversationId, occurrence],
    queryFn: async () => {
      const [row] = await engine.query<PickedSummary>(
        buildConversationSummaryQuery(conversationId, { occurrence }),
      );
      return row ?? null;
    },
    staleTime: Infinity,
  });
}

/**
 * The summary of the list row at ordinal `row`, with its occurrence among the rows that share its
 * id: what a click needs to write a link that reopens that very row.
 */
export function rowSummaryOptions(
  engine: Engine,
  datasetId: number,
  target: { row: number; conversation_id: string },
) {
  return queryOptions({
    queryKey: ['conversation', 'row-summary', datasetId, target.row],
    queryFn: async () => {
      const byId = () =>
        engine.query<PickedSummary>(
          buildConversationSummaryQuery(target.conversation_id, { row: target.row }),
        );
      // By ordinal once this dataset's `shared_ids` is made (one row group read, not every id);
      // by id before, and if a swap dropped the table after the check.
      const [row] = engine.sharedIdsReady()
        ? await engine.query<PickedSummary>(buildRowSummaryQuery(target)).catch(byId)
        : await byId();
      return row ?? null;
    },
    staleTime: Infinity,
  });
}

type Locator = { shard: number; shard_row: number };

const groupReadKey = (datasetId: number, locator: Locator) =>
  ['conversation', 'group-read', datasetId, locator.shard, locator.shard_row] as const;

/**
 * Every message of one conversation, read through its locator (one row group, one row). A read
 * that must first read a giant row group whole says so under `groupReadOptions`: whoever started
 * it (the viewer, or a list click's prefetch), the viewer then shows it.
 */
export function conversationMessagesOptions(engine: Engine, datasetId: number, locator: Locator) {
  return queryOptions({
    queryKey: ['conversation', 'messages', datasetId, locator.shard, locator.shard_row],
    queryFn: ({ client }) =>
      engine.readConversation(locator.shard, locator.shard_row, {
        onProgress: (progress) =>
          client.setQueryData(groupReadOptions(datasetId, locator).queryKey, progress),
      }),
    // A shard's rows never change while the dataset is open.
    staleTime: Infinity,
  });
}

/** The giant row group a conversation's read is reading whole, if it is (never fetched: set). */
export function groupReadOptions(datasetId: number, locator: Locator) {
  return queryOptions<GroupReadProgress>({
    queryKey: groupReadKey(datasetId, locator),
    queryFn: skipToken,
    staleTime: Infinity,
  });
}

/** What the viewer says while a giant row group is read: `Reading row group 1 of 1, 160 MB`. */
export function groupReadText(progress: GroupReadProgress): string {
  return `Reading row group ${progress.rowGroup + 1} of ${progress.rowGroups}, ${formatBytes(progress.bytes)}`;
}
