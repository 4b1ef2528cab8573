import { queryOptions } from '@tanstack/react-query';
import { readConversation, runQuery } from '../../db/engine';
import {
  buildConversationSummaryQuery,
  type ConversationSummary,
} from '../../sql/conversation-summary';

/** The `conversations` row of an id from the URL; null when the dataset has no such conversation. */
export function conversationSummaryOptions(datasetVersion: number, conversationId: string) {
  return queryOptions({
    queryKey: ['conversation', 'summary', datasetVersion, conversationId],
    queryFn: async () => {
      const [row] = await runQuery<ConversationSummary>(
        buildConversationSummaryQuery(conversationId),
      );
      return row ?? null;
    },
    staleTime: Infinity,
  });
}

/** Every message of one conversation, read through its locator (one row group, one row). */
export function conversationMessagesOptions(
  datasetVersion: number,
  locator: { shard: number; shard_row: number },
) {
  return queryOptions({
    queryKey: ['conversation', 'messages', datasetVersion, locator.shard, locator.shard_row],
    queryFn: () => readConversation(locator.shard, locator.shard_row),
    // A shard's rows never change while the dataset is open.
    staleTime: Infinity,
  });
}
