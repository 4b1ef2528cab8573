import { formatCount } from '../../lib/format';
import type { CategoryStats } from '../../model/chart-data';
import type { CategoryId } from '../../model/moderation';
import { SIDE_SERIES } from './side-series';
import { formatShare } from './palette';

/** The categories chart as a table: each series' count with its share of the selection. */
export function CategoryTable({
  categories,
  total,
  onSelect,
}: {
  categories: readonly CategoryStats[];
  total: number;
  onSelect: (id: CategoryId) => void;
}) {
  return (
    <table className="w-full text-sm tabular-nums">
      <caption className="sr-only">Moderation categories</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left">
          <th scope="col">Category</th>
          {SIDE_SERIES.map((s) => (
            <th key={s.key} scope="col" className="text-right">
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {categories.map((c) => (
          <tr key={c.id} className="border-b border-slate-100">
            <th scope="row" className="text-left font-normal">
              <button
                type="button"
                title={`Add ${c.name} to the filters`}
                onClick={() => onSelect(c.id)}
                className="text-blue-800 hover:underline focus-visible:outline-2 focus-visible:outline-blue-700"
              >
                {c.name}
              </button>
            </th>
            {SIDE_SERIES.map((s) => (
              <td key={s.key} className="text-right">
                {formatCount(c[s.key])} ({formatShare(c[s.key], total)})
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
