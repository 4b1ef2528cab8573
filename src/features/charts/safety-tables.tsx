import { formatCount } from '../../lib/format';
import type { CategoryStats, ModelStats } from '../../model/chart-data';
import { downloadText, toCsv, type CsvCell } from '../../lib/csv';
import { formatShare } from './palette';

interface Column<T> {
  header: string;
  value: (row: T) => CsvCell;
  numeric?: boolean;
}

/** The paper's Table 2: flagged conversations per category (a conversation may count in several). */
export function FlaggedByCategoryTable({
  categories,
  total,
}: {
  categories: readonly CategoryStats[];
  total: number;
}) {
  return (
    <SafetyTable
      caption="Flagged conversations by category"
      fileName="flagged-by-category.csv"
      rows={[...categories].sort((a, b) => b.flagged - a.flagged)}
      rowKey={(c) => c.id}
      columns={[
        { header: 'Category', value: (c) => c.name },
        { header: 'Flagged conversations', value: (c) => c.flagged, numeric: true },
        {
          header: 'Share of selection',
          value: (c) => formatShare(c.flagged, total),
          numeric: true,
        },
      ]}
    />
  );
}

/** The paper's Table 4: per model, conversations, attempts (flagged user message), successes. */
export function AttemptsByModelTable({ models }: { models: readonly ModelStats[] }) {
  return (
    <SafetyTable
      caption="Attempts and successes by model"
      fileName="attempts-by-model.csv"
      rows={models}
      rowKey={(m) => m.model}
      columns={[
        { header: 'Model', value: (m) => m.model },
        { header: 'Conversations', value: (m) => m.conversations, numeric: true },
        {
          header: 'With a flagged user message (attempt)',
          value: (m) => m.attempts,
          numeric: true,
        },
        {
          header: 'With a flagged assistant message (success)',
          value: (m) => m.successes,
          numeric: true,
        },
      ]}
    />
  );
}

function SafetyTable<T>({
  caption,
  fileName,
  rows,
  rowKey,
  columns,
}: {
  caption: string;
  fileName: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: readonly Column<T>[];
}) {
  const download = () =>
    downloadText(
      toCsv(
        columns.map((c) => c.header),
        rows.map((r) => columns.map((c) => c.value(r))),
      ),
      fileName,
    );
  const show = (v: CsvCell) => (typeof v === 'number' ? formatCount(v) : v);
  return (
    <section className="min-w-0 rounded border border-slate-200 p-3">
      <button
        type="button"
        onClick={download}
        aria-label={`Download CSV: ${caption}`}
        className="float-right rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700"
      >
        Download CSV
      </button>
      <table className="w-full text-sm tabular-nums">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200">
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? 'text-right' : 'text-left'}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} className="border-b border-slate-100">
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.header} scope="row" className="text-left font-normal">
                    {show(c.value(r))}
                  </th>
                ) : (
                  <td key={c.header} className={c.numeric ? 'text-right' : undefined}>
                    {show(c.value(r))}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
