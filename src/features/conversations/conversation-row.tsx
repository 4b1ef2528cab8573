import { memo } from 'react';
import { formatCount } from '../../lib/format';
import type { ConversationListRow } from '../../sql/conversation-window';
import { GRID_COLUMNS, ROW_HEIGHT } from './columns';
import { FlagSummary } from './flag-summary';

interface RowProps {
  /** Position in the current sort order, 0-based. */
  index: number;
  /** Offset from the top of the list body, in pixels. */
  top: number;
  /** Undefined while its window loads: a placeholder of the same height takes its place. */
  row: ConversationListRow | undefined;
  /** The first user prompt; undefined while it loads, null when there is none. */
  preview: string | null | undefined;
  selected: boolean;
  tabbable: boolean;
  onFocusRow: (index: number) => void;
  onSelect: (row: ConversationListRow) => void;
}

const CELL = 'truncate px-2';

export const ConversationRow = memo(function ConversationRow(props: RowProps) {
  const { index, top, row, preview, selected, tabbable, onFocusRow, onSelect } = props;
  const look = selected
    ? 'bg-sky-100'
    : row?.flagged
      ? 'bg-red-50/40 hover:bg-slate-50'
      : 'hover:bg-slate-50';
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={row ? selected : undefined}
      aria-busy={row ? undefined : true}
      data-index={index}
      tabIndex={tabbable ? 0 : -1}
      onFocus={() => onFocusRow(index)}
      onClick={row ? () => onSelect(row) : undefined}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      className={`${GRID_COLUMNS} absolute top-0 left-0 w-full cursor-default items-center border-b border-slate-100 outline-sky-600 focus-visible:outline-2 focus-visible:-outline-offset-2 ${look}`}
    >
      {row ? <Cells row={row} preview={preview} /> : <PlaceholderCells />}
    </div>
  );
});

function Cells({ row, preview }: { row: ConversationListRow; preview: string | null | undefined }) {
  return (
    <>
      <div role="gridcell" className={`${CELL} text-right text-slate-400 tabular-nums`}>
        {formatCount(row.row + 1)}
      </div>
      <div role="gridcell" className={`${CELL} font-mono`} title={row.conversation_id}>
        {row.conversation_id.slice(0, 8)}
      </div>
      <div role="gridcell" className={CELL} title={row.model ?? undefined}>
        {row.model}
      </div>
      <div role="gridcell" className={CELL}>
        {row.language}
      </div>
      <div role="gridcell" className={`${CELL} text-right tabular-nums`}>
        {row.turn}
      </div>
      <div role="gridcell" className="min-w-0 px-2">
        <FlagSummary row={row} />
      </div>
      <div
        role="gridcell"
        className={`${CELL} text-right tabular-nums`}
        title={row.max_score === null ? 'no moderation data' : String(row.max_score)}
      >
        {row.max_score === null ? '–' : row.max_score.toFixed(3)}
      </div>
      <div role="gridcell" className={`${CELL} text-slate-600`} title={preview ?? undefined}>
        {preview === undefined ? (
          <span className="text-slate-300">…</span>
        ) : (
          (preview ?? <span className="text-slate-400 italic">no user prompt</span>)
        )}
      </div>
    </>
  );
}

const PLACEHOLDER_WIDTHS = ['w-8', 'w-14', 'w-24', 'w-16', 'w-4', 'w-20', 'w-10', 'w-32'];

function PlaceholderCells() {
  return PLACEHOLDER_WIDTHS.map((width, i) => (
    <div key={i} role="gridcell" className="px-2">
      <div
        className={`h-3 animate-pulse rounded bg-slate-200 ${width} ${i === 0 || i === 4 || i === 6 ? 'ml-auto' : ''}`}
      />
    </div>
  ));
}
