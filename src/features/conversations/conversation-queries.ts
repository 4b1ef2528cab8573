import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Engine } from '../../db';
import {
  buildConversationSummaryQuery,
  type ConversationSummary,
} from '../../sql/conversation-summary';
import {
  buildConversationWindowQuery,
  buildListPositionQuery,
  type ConversationListRow,
  type ListPosition,
} from '../../sql/conversation-window';
import { type ConversationSort } from '../../model/sorts';
import { buildFilterWhere } from '../../sql/filters';
import { isEmpty, type Filters } from '../../model/filters';
import { filtersKey } from '../filters';

/** Rows per window: a screenful is about 20, so one window serves many scroll steps. */
export const WINDOW_SIZE = 200;

const windowKey = (datasetId: number, sort: ConversationSort, filters: Filters, index: number) =>
  [
    'conversations',
    'window',
    datasetId,
    filtersKey(filters),
    sort.key,
    sort.direction,
    index,
  ] as const;

/**
 * Window `index` of the list (rows index * WINDOW_SIZE onwards) in `sort` order. When a neighbouring
 * window is cached (or on its way), this one seeks from its edge row instead of counting rows from
 * the start: scrolling and prefetching stay fast anywhere in a million rows. Only conversations
 * matching `filters` are listed.
 */
export function conversationWindowOptions(
  engine: Engine,
  datasetId: number,
  sort: ConversationSort,
  filters: Filters,
  index: number,
) {
  return queryOptions({
    queryKey: windowKey(datasetId, sort, filters, index),
    queryFn: async ({ client }) => {
      const start = performance.now();
      const anchor = await neighbourAnchor(engine, client, datasetId, sort, filters, index);
      const rows = await engine.query<ConversationListRow>(
        buildConversationWindowQuery({
          sort,
          offset: index * WINDOW_SIZE,
          limit: WINDOW_SIZE,
          // No condition at all keeps the unfiltered natural order a plain range read.
          where: isEmpty(filters) ? undefined : buildFilterWhere(filters),
          anchor,
        }),
      );
      // For the bench and for anyone profiling the list: one measure per window fetched.
      performance.measure('convoscope:list-window', {
        start,
        end: performance.now(),
        detail: { index, rows: rows.length, sort: `${sort.key}.${sort.direction}`, seek: !!anchor },
      });
      return rows;
    },
  });
}

async function neighbourAnchor(
  engine: Engine,
  client: QueryClient,
  datasetId: number,
  sort: ConversationSort,
  filters: Filters,
  index: number,
): Promise<{ after: ListPosition } | { before: ListPosition } | undefined> {
  const position = (row: ConversationListRow): ListPosition => ({
    row: row.row,
    key: row[sort.key],
  });
  const key = (i: number) => windowKey(datasetId, sort, filters, i);
  const previous = client.getQueryData<ConversationListRow[]>(key(index - 1));
  const last = previous?.[WINDOW_SIZE - 1];
  if (last) return { after: position(last) };
  const first = client.getQueryData<ConversationListRow[]>(key(index + 1))?.[0];
  if (first) return { before: position(first) };
  // A jump shows two windows at once: the second waits for the first rather than sort again.
  // Only ever wait for the previous window, so two windows never wait for each other.
  if (index > 0 && client.getQueryState(key(index - 1))?.fetchStatus === 'fetching') {
    const rows: ConversationListRow[] | undefined = await client
      .fetchQuery(conversationWindowOptions(engine, datasetId, sort, filters, index - 1))
      .catch(() => undefined);
    const edge = rows?.[WINDOW_SIZE - 1];
    if (edge) return { after: position(edge) };
  }
  return undefined;
}

/**
 * Where the selected conversation (the `occurrence`-th row with `id`, 1-based) stands in the list
 * under `filters` and `sort` (0-based), or null when it is not listed: how a deep link finds its row
 * without reading the windows before it.
 */
export function listPositionOptions(
  engine: Engine,
  datasetId: number,
  sort: ConversationSort,
  filters: Filters,
  selection: { id: string; occurrence: number },
) {
  const { id, occurrence } = selection;
  return queryOptions({
    queryKey: [
      'conversations',
      'position',
      datasetId,
      filtersKey(filters),
      sort.key,
      sort.direction,
      id,
      occurrence,
    ],
    queryFn: async () => {
      const [summary] = await engine.query<ConversationSummary>(
        buildConversationSummaryQuery(id, { occurrence }),
      );
      if (!summary) return null;
      const [found] = await engine.query<{ position: number; included: number }>(
        buildListPositionQuery({
          sort,
          target: { row: summary.row, key: summary[sort.key] },
          where: isEmpty(filters) ? undefined : buildFilterWhere(filters),
        }),
      );
      return found && found.included === 1 ? found.position : null;
    },
  });
}
