import { useQuery } from '@tanstack/react-query';
import { conversationCountOptions } from './conversation-queries';
import { ConversationGrid } from './conversation-grid';
import { sortParam, useConversationSort } from './conversation-sort';

/** The list of every conversation, in the sort the URL names. */
export function ConversationList({ datasetVersion }: { datasetVersion: number }) {
  const { sort, toggle } = useConversationSort();
  const count = useQuery(conversationCountOptions(datasetVersion));
  if (count.data === undefined) return null;
  return (
    <ConversationGrid
      // A new dataset or sort starts at the top with the first row active.
      key={`${datasetVersion}:${sortParam(sort) ?? 'natural'}`}
      datasetVersion={datasetVersion}
      count={count.data}
      sort={sort}
      onSort={toggle}
    />
  );
}
