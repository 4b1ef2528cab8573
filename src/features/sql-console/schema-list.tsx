import { useQuery } from '@tanstack/react-query';
import { useEngine } from '../../db';
import { buildConsoleSchemaQuery, type SchemaColumnRow } from '../../sql/console-schema';

const TABLES = ['conversations', 'messages'];

/** The console's tables and their columns, read from DuckDB so extra columns show up too. */
export function SchemaList({ datasetId }: { datasetId: number }) {
  const engine = useEngine();
  const query = useQuery({
    queryKey: ['console-schema', datasetId],
    queryFn: () => engine.query<SchemaColumnRow>(buildConsoleSchemaQuery(TABLES)),
  });
  const byTable = new Map<string, SchemaColumnRow[]>();
  for (const row of query.data ?? []) {
    byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row]);
  }
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-slate-700">Tables and columns</summary>
      {[...byTable].map(([table, columns]) => (
        <div key={table} className="mt-1">
          <h3 className="font-mono font-semibold">{table}</h3>
          <ul aria-label={`Columns of ${table}`} className="flex flex-wrap gap-x-3 font-mono">
            {columns.map((c) => (
              <li key={c.column_name}>
                {c.column_name} <span className="text-slate-500">{c.data_type}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}
