import { queryOptions } from '@tanstack/react-query';
import { runQuery } from '../../db/engine';
import {
  buildConversationPageQuery,
  buildCountQuery,
  type ConversationSummary,
} from '../../sql/conversation-page';

export function conversationCountOptions(datasetVersion: number) {
  return queryOptions({
    queryKey: ['conversations', 'count', datasetVersion],
    queryFn: async () => {
      const [row] = await runQuery<{ n: number }>(buildCountQuery());
      return row?.n ?? 0;
    },
  });
}

export function conversationPageOptions(datasetVersion: number, limit: number, offset: number) {
  return queryOptions({
    queryKey: ['conversations', 'page', datasetVersion, limit, offset],
    queryFn: () => runQuery<ConversationSummary>(buildConversationPageQuery({ limit, offset })),
  });
}
