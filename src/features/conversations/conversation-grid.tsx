import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef } from 'react';
import { useViewportFill } from '../../lib/use-viewport-fill';
import type { ConversationListRow } from '../../sql/conversation-window';
import type { ConversationSort, SortKey } from '../../model/sorts';
import type { Filters } from '../../model/filters';
import { COLUMNS, HEADER_HEIGHT, ROW_HEIGHT } from './columns';
import { ConversationGridHeader } from './conversation-grid-header';
import { ConversationRow } from './conversation-row';
import { useConversationWindows } from './use-conversation-windows';
import { useRovingRows } from './use-roving-rows';
import { useScrollToSelected } from './use-scroll-to-selected';
import { useRowPreviews } from './use-row-previews';
import { useIsSelectedRow, useOpenRow } from './use-open-row';
import { Notice } from '../../components/notice';

/**
 * Every conversation matching the filters in one scrolling grid: only the rows in view (plus overscan)
 * are in the DOM, and only their windows are fetched from DuckDB.
 */
export function ConversationGrid(props: {
  datasetId: number;
  count: number;
  sort: ConversationSort;
  filters: Filters;
  /** The rows are of an earlier filter state, about to be replaced: busy for assistive tech. */
  stale?: boolean;
  onSort: (key: SortKey) => void;
}) {
  const { datasetId, count, sort, filters, stale = false, onSort } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const fill = useViewportFill(scrollRef);
  // The virtualizer returns fresh functions each render; this app does not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // The sticky header sits above the first row inside the same scroll container.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { rowAt, loading, error } = useConversationWindows({
    datasetId,
    sort,
    filters,
    count,
    first,
    last,
  });
  const previewOf = useRowPreviews(
    datasetId,
    items.map((item) => rowAt(item.index)),
  );
  const isSelected = useIsSelectedRow(datasetId);
  const openRow = useOpenRow(datasetId);
  // Stable, so the memoized rows do not re-render for it.
  const open = useCallback((row: ConversationListRow) => void openRow(row), [openRow]);
  const nav = useRovingRows({
    count,
    containerRef: scrollRef,
    pageSize: () =>
      Math.max(
        1,
        Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT) - 1,
      ),
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    onEnter: (index) => {
      const row = rowAt(index);
      if (row) open(row);
    },
  });
  useScrollToSelected({
    datasetId,
    sort,
    filters,
    onFound: (index) => {
      nav.setActive(index);
      virtualizer.scrollToIndex(index, { align: 'center' });
    },
  });
  const visibleStart = virtualizer.range?.startIndex ?? first;
  const tabbable = nav.active >= first && nav.active <= last ? nav.active : visibleStart;

  return (
    <>
      {error && <Notice tone="error">Could not read conversations: {error.message}</Notice>}
      <div
        ref={scrollRef}
        role="grid"
        aria-label="Conversations"
        // Rows are counted as ARIA counts them: the header row is row 1, conversations 2..count+1.
        aria-rowcount={count + 1}
        aria-colcount={COLUMNS.length}
        aria-busy={loading || stale}
        onKeyDown={nav.onKeyDown}
        style={fill}
        className="overflow-auto overscroll-contain rounded border border-slate-200 text-sm"
      >
        <ConversationGridHeader sort={sort} onSort={onSort} />
        <div role="rowgroup" className="relative" style={{ height: count * ROW_HEIGHT }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <ConversationRow
                key={item.index}
                index={item.index}
                top={item.start - HEADER_HEIGHT}
                row={row}
                preview={row ? previewOf(row) : undefined}
                selected={row !== undefined && isSelected(row)}
                tabbable={item.index === tabbable}
                onFocusRow={nav.setActive}
                onSelect={open}
              />
            );
          })}
        </div>
      </div>
    </>
  );
}
