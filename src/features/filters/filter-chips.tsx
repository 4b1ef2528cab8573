import { activeFilters } from './active-filters';
import { EMPTY_FILTERS } from '../../model/filters';
import { useFilters } from './use-filters';
import type { ReactNode } from 'react';
import type { Filters } from '../../model/filters';

/**
 * The active filters as removable chips, one per selected value and one per other active facet,
 * plus "Clear all". Reads and writes the URL through `useFilters`; renders nothing when no filter
 * is active. Chips wrap onto more lines in whatever width the parent gives it. A console query
 * from a link that has not been applied shows here too, with its Apply button.
 */
export function FilterChips({
  className = '',
  pendingIdQuery,
}: {
  className?: string;
  /** The console's Apply box for a link's query (the app passes the sql-console feature's). */
  pendingIdQuery?: (filters: Filters, setFilters: (next: Filters) => void) => ReactNode;
}) {
  const { filters, setFilters } = useFilters();
  const chips = activeFilters(filters);
  const pending = filters.idQuery !== undefined && filters.idSet === undefined;
  if (chips.length === 0 && !pending) return null;
  return (
    <section
      aria-label="Current selection"
      className={`flex flex-wrap items-center gap-1.5 text-sm ${className}`}
    >
      <ul className="contents">
        {chips.map((chip) => (
          <li
            key={chip.key}
            className="flex max-w-full items-center gap-1 rounded-full border border-sky-200 bg-sky-50 py-0.5 pr-1 pl-2.5 text-sky-900"
          >
            <span
              className="truncate"
              title={chip.key === 'idQuery' ? filters.idQuery : chip.label}
            >
              {chip.label}
            </span>
            <button
              type="button"
              aria-label={`Remove ${chip.label}`}
              title={`Remove ${chip.label}`}
              onClick={() => setFilters(chip.remove(filters))}
              className="flex size-5 shrink-0 items-center justify-center rounded-full hover:bg-sky-200 focus-visible:outline-2 focus-visible:outline-sky-600"
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      {pendingIdQuery?.(filters, setFilters)}
      {chips.length > 0 && (
        <button
          type="button"
          onClick={() => setFilters(EMPTY_FILTERS)}
          className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100"
        >
          Clear all
        </button>
      )}
    </section>
  );
}
