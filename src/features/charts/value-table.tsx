import { formatCount } from '../../lib/format';
import { formatShare } from './palette';

export interface ValueRow {
  key: string;
  label: string;
  count: number;
  /** False for rows that name no single filter value (such as "Other languages"). */
  selectable: boolean;
  /** What selecting the row does, when "Add <label> to the filters" would not say it. */
  action?: string;
}

/**
 * A chart's values as a table: exact counts and shares of the selection. A selectable row's label
 * is a button that adds it to the filters, the keyboard path beside clicking a bar.
 */
export function ValueTable({
  caption,
  labelHeader,
  rows,
  total,
  onSelect,
}: {
  caption: string;
  labelHeader: string;
  rows: readonly ValueRow[];
  total: number;
  onSelect?: (key: string) => void;
}) {
  return (
    <table className="w-full text-sm tabular-nums">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left">
          <th scope="col">{labelHeader}</th>
          <th scope="col" className="text-right">
            Conversations
          </th>
          <th scope="col" className="text-right">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-slate-100">
            <th scope="row" className="text-left font-normal">
              {row.selectable && onSelect ? (
                <button
                  type="button"
                  title={row.action ?? `Add ${row.label} to the filters`}
                  onClick={() => onSelect(row.key)}
                  className="text-blue-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-700"
                >
                  {row.label}
                </button>
              ) : (
                row.label
              )}
            </th>
            <td className="text-right">{formatCount(row.count)}</td>
            <td className="text-right">{formatShare(row.count, total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
