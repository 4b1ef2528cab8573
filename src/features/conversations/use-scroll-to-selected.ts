import { useQuery } from '@tanstack/react-query';
import { useEngine } from '../../db';
import { useEffect, useRef, useState } from 'react';
import type { ConversationSort } from '../../model/sorts';
import type { Filters } from '../../model/filters';
import { listPositionOptions } from './conversation-queries';
import { useSelectedConversation } from '../../lib/use-selected-conversation';

/**
 * When the list appears with a conversation already selected (a deep link, or a new sort or filter
 * while one is open), finds that row's position and reports it once, so the list scrolls to it.
 * Later selections come from the list itself and need no scrolling.
 */
export function useScrollToSelected(options: {
  datasetId: number;
  sort: ConversationSort;
  filters: Filters;
  onFound: (index: number) => void;
}) {
  const engine = useEngine();
  const { datasetId, sort, filters, onFound } = options;
  const { selectedId, occurrence } = useSelectedConversation();
  const [initial] = useState({ id: selectedId, occurrence: occurrence ?? 1 });
  const position = useQuery({
    ...listPositionOptions(engine, datasetId, sort, filters, {
      id: initial.id ?? '',
      occurrence: initial.occurrence,
    }),
    enabled: initial.id !== null,
  });
  const latest = useRef(onFound);
  useEffect(() => {
    latest.current = onFound;
  });
  const index = position.data;
  useEffect(() => {
    if (index !== undefined && index !== null) latest.current(index);
  }, [index]);
}
