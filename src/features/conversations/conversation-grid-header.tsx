import type { ConversationSort, SortKey } from '../../model/sorts';
import { COLUMNS, GRID_COLUMNS, HEADER_HEIGHT } from './columns';

/** The column headers; sortable columns hold a button that sorts (again: reverses) by them. */
export function ConversationGridHeader(props: {
  sort: ConversationSort;
  onSort: (key: SortKey) => void;
}) {
  const { sort, onSort } = props;
  return (
    <div role="rowgroup" className="sticky top-0 z-10">
      <div
        role="row"
        aria-rowindex={1}
        style={{ height: HEADER_HEIGHT }}
        className={`${GRID_COLUMNS} items-center border-b border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase`}
      >
        {COLUMNS.map((column) => {
          const sorted = column.sortKey !== undefined && column.sortKey === sort.key;
          const ariaSort = sorted
            ? sort.direction === 'asc'
              ? 'ascending'
              : 'descending'
            : undefined;
          const align = column.numeric ? 'justify-end text-right' : '';
          return (
            <div
              key={column.label}
              role="columnheader"
              aria-sort={ariaSort}
              className={`flex px-2 ${align}`}
            >
              {column.sortKey === undefined ? (
                <span className="truncate">{column.label}</span>
              ) : (
                <button
                  type="button"
                  onClick={() => onSort(column.sortKey!)}
                  className={`flex items-center gap-1 truncate uppercase hover:text-slate-900 ${sorted ? 'font-semibold text-slate-900' : ''}`}
                >
                  {column.label}
                  <span aria-hidden="true" className={sorted ? '' : 'invisible'}>
                    {sorted && sort.direction === 'asc' ? '▲' : '▼'}
                  </span>
                </button>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
