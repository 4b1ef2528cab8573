import type { Filters } from '../../model/filters';
import { clearFacet } from '../../model/filters';
import { useIdFilter } from './use-id-filter';
import { Notice } from '../../components/notice';

/**
 * A console query that arrived in a link as a filter (`idsql`). A link never runs SQL: the query is
 * shown in full, and narrows the list only after the user clicks Apply.
 */
export function PendingIdQuery({
  filters,
  setFilters,
}: {
  filters: Filters;
  setFilters: (next: Filters) => void;
}) {
  const idFilter = useIdFilter();
  const query = filters.idQuery;
  if (query === undefined || filters.idSet !== undefined) return null;
  const running = idFilter.running === query;
  const failed = idFilter.failed?.query === query ? idFilter.failed.message : null;
  return (
    <Notice
      tone="warning"
      as="section"
      aria-label="SQL filter from the link"
      className="flex w-full flex-col gap-1"
    >
      <p>
        This link filters the list to the <code>conversation_id</code>s this SQL query returns. It
        runs only when you click Apply.
      </p>
      <pre className="max-h-32 overflow-auto rounded bg-white/70 p-1 font-mono text-xs whitespace-pre-wrap text-slate-800">
        {query}
      </pre>
      <div className="flex items-center gap-2">
        <button
          type="button"
          disabled={running}
          onClick={() => void idFilter.apply(query, filters)}
          className="rounded bg-slate-800 px-3 py-1 text-white hover:bg-slate-700 disabled:opacity-50"
        >
          Apply SQL filter
        </button>
        <button
          type="button"
          onClick={() => setFilters(clearFacet(filters, 'idQuery'))}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-slate-800 hover:bg-slate-100"
        >
          Discard SQL filter
        </button>
        {running && <span aria-live="polite">Running the query…</span>}
      </div>
      {failed && (
        <p role="alert" className="font-mono text-xs whitespace-pre-wrap text-red-800">
          {failed}
        </p>
      )}
    </Notice>
  );
}
