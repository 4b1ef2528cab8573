import { useState, type ReactNode } from 'react';

/**
 * One chart as the UI contract names it: a `figure` captioned `caption`, with its controls, a
 * "Show as table" toggle (a real table: exact values for screen readers and tests) and an empty state.
 */
export function ChartFigure({
  caption,
  controls,
  empty,
  table,
  children,
}: {
  caption: string;
  controls?: ReactNode;
  empty: boolean;
  table: ReactNode;
  children: ReactNode;
}) {
  const [asTable, setAsTable] = useState(false);
  return (
    <figure className="relative flex min-w-0 flex-col gap-2 rounded border border-slate-200 p-3">
      {/* A direct child, so it names the figure (HTML-AAM); the controls sit beside it. */}
      <figcaption className="font-semibold">{caption}</figcaption>
      <div className="flex flex-wrap items-center justify-end gap-2 text-sm sm:absolute sm:top-2 sm:right-3">
        {controls}
        <button
          type="button"
          aria-pressed={asTable}
          onClick={() => setAsTable(!asTable)}
          className={toggleClass}
        >
          Show as table
        </button>
      </div>
      {empty ? (
        <p className="py-6 text-center text-sm text-slate-500">
          No conversations in the selection.
        </p>
      ) : asTable ? (
        table
      ) : (
        children
      )}
    </figure>
  );
}

export const toggleClass =
  'rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 aria-pressed:bg-slate-800 aria-pressed:text-white';
