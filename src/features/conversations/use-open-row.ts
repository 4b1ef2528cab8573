import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEngine } from '../../db';
import { useCallback, useRef } from 'react';
import {
  conversationMessagesOptions,
  conversationSummaryOptions,
  rowSummaryOptions,
} from '../viewer';
import { useSelectedConversation } from '../../lib/use-selected-conversation';

/** A list row as far as opening it goes: its ordinal, its id and, when known, its locator. */
export interface RowToOpen {
  row: number;
  conversation_id: string;
  shard?: number;
  shard_row?: number;
}

/**
 * Opens the row that was chosen, not merely its id: an id two rows share gets its occurrence in the
 * URL (`cn`), so the viewer, the highlight and a reload all land on that row. The row's summary is
 * looked up first (by ordinal, one query, as the viewer would by id) and handed to the viewer's
 * cache. A later choice wins over an earlier one still looking up.
 */
export function useOpenRow(datasetId: number) {
  const engine = useEngine();
  const client = useQueryClient();
  const { select } = useSelectedConversation();
  const latest = useRef(0);
  return useCallback(
    async (target: RowToOpen) => {
      const ticket = ++latest.current;
      const { shard, shard_row } = target;
      // The row already has the locator: start reading the text while its summary is looked up.
      if (shard !== undefined && shard_row !== undefined)
        void client.prefetchQuery(
          conversationMessagesOptions(engine, datasetId, { shard, shard_row }),
        );
      const summary = await client
        .fetchQuery(rowSummaryOptions(engine, datasetId, target))
        .catch(() => null);
      if (ticket !== latest.current) return;
      // Without a summary the id alone is opened: the viewer names whatever went wrong.
      if (!summary) return select(target.conversation_id);
      const { conversation_id: id, occurrence, id_rows } = summary;
      client.setQueryData(
        conversationSummaryOptions(engine, datasetId, id, occurrence).queryKey,
        summary,
      );
      select(id, id_rows > 1 ? occurrence : null);
    },
    [engine, client, datasetId, select],
  );
}

/**
 * Whether a list row is the open one: by its ordinal once the viewer's summary is known (an id can
 * be on several rows), by its id until then.
 */
export function useIsSelectedRow(datasetId: number) {
  const engine = useEngine();
  const { selectedId, occurrence } = useSelectedConversation();
  const summary = useQuery({
    ...conversationSummaryOptions(engine, datasetId, selectedId ?? '', occurrence ?? 1),
    enabled: selectedId !== null,
  });
  const known = summary.data;
  return useCallback(
    (row: { row: number; conversation_id: string }) =>
      selectedId !== null &&
      (known === undefined ? row.conversation_id === selectedId : row.row === known?.row),
    [selectedId, known],
  );
}
