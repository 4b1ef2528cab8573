import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ConsoleResult } from '../../db';

const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 32;
/** Cells show at most this much text; the full value is in the cell's title. */
const CELL_TEXT = 200;

/**
 * A query's rows in one scrolling table: only the rows in view are in the DOM, so 10,000 rows of
 * wide JSON stay as cheap as 10.
 */
export function ResultsTable({ result }: { result: ConsoleResult }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: result.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
  });
  const template = `repeat(${result.columns.length}, minmax(8rem, 1fr))`;
  return (
    <div
      ref={scrollRef}
      role="table"
      aria-label="Query results"
      aria-rowcount={result.rows.length + 1}
      aria-colcount={result.columns.length}
      tabIndex={0}
      className="max-h-[60vh] overflow-auto rounded border border-slate-300 bg-white font-mono text-xs"
    >
      <div role="rowgroup" className="sticky top-0 z-10 min-w-max">
        <div
          role="row"
          aria-rowindex={1}
          className="grid border-b border-slate-300 bg-slate-100"
          style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}
        >
          {result.columns.map((column) => (
            <div
              key={column.name}
              role="columnheader"
              title={column.type}
              className={`truncate px-2 py-1.5 font-semibold ${column.numeric ? 'text-right' : ''}`}
            >
              {column.name}
            </div>
          ))}
        </div>
      </div>
      <div
        role="rowgroup"
        className="relative min-w-max"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            role="row"
            aria-rowindex={item.index + 2}
            className="absolute left-0 grid w-full border-b border-slate-100 odd:bg-slate-50"
            style={{
              gridTemplateColumns: template,
              height: ROW_HEIGHT,
              transform: `translateY(${item.start - HEADER_HEIGHT}px)`,
            }}
          >
            {result.rows[item.index]!.map((value, c) => (
              <div
                key={c}
                role="cell"
                title={value !== null && value.length > CELL_TEXT ? value : undefined}
                className={`truncate px-2 py-1 ${result.columns[c]!.numeric ? 'text-right' : ''}`}
              >
                {value === null ? (
                  <span className="text-slate-400">NULL</span>
                ) : (
                  value.slice(0, CELL_TEXT)
                )}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
