import {
  DataType,
  Field,
  Int32,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableToIPC,
  Utf8,
} from 'apache-arrow';
import { utf8Data } from '../worker/arrow-buffers';
import { buildCreateIdSetsTable, buildDropIdSet, ID_SETS } from '../../sql/id-sets';
import type { DuckDB } from '../engine/duckdb';
import type { SqlQuery } from '../../sql/query';
import { ConsoleQueryError, type SqlConsole } from './sql-console';

/** The column a console query must return for "Use as filter". */
export const ID_COLUMN = 'conversation_id';

export interface StoredIdSet {
  /** Names the ids in `id_sets`. */
  id: number;
  /** Distinct ids the query returned (some may name no conversation of the dataset). */
  ids: number;
}

/**
 * "Use as filter": console queries' ids stored as sets in `id_sets`, numbered per engine.
 */
export class ConsoleIdSets {
  private nextId = 1;

  constructor(
    private readonly duckdb: DuckDB,
    private readonly console: SqlConsole,
    private readonly query: (query: SqlQuery) => Promise<unknown>,
  ) {}

  /**
   * Runs a console query (read-only, rolled back, like any console query) and stores every distinct
   * `conversation_id` it returns, all rows rather than the console's display cap, as a new set in
   * `id_sets`. The ids travel as Arrow data: the query's text reaches no other statement.
   */
  async store(sql: string, signal?: AbortSignal): Promise<StoredIdSet> {
    const ids = new Set<string>();
    let column = -1;
    const fields = await this.console.stream(sql, signal, (batch) => {
      column = idColumnIndex(batch.schema.fields);
      if (column < 0) return true;
      const vector = batch.getChildAt(column)!;
      for (let r = 0; r < batch.numRows; r++) {
        const value = vector.get(r) as string | null;
        if (value !== null) ids.add(value);
      }
      return false;
    });
    if (idColumnIndex(fields) < 0) throw new ConsoleQueryError(missingIdColumn(fields));
    const id = this.nextId++;
    const { conn } = await this.duckdb();
    await conn.query(buildCreateIdSetsTable());
    if (ids.size > 0) {
      await conn.insertArrowFromIPCStream(tableToIPC(idSetTable(id, [...ids]), 'stream'), {
        name: ID_SETS,
        create: false,
      });
    }
    return { id, ids: ids.size };
  }

  /** Frees a set no filter refers to any more. */
  async drop(id: number): Promise<void> {
    await this.query(buildDropIdSet(id));
  }
}

/** The set's rows as Arrow, from typed arrays (Arrow's builders would need `eval`: see utf8Data). */
function idSetTable(id: number, ids: readonly string[]): Table {
  const n = ids.length;
  const fields = [new Field('set_id', new Int32(), false), new Field(ID_COLUMN, new Utf8(), false)];
  const columns = [
    makeData({ type: new Int32(), length: n, data: new Int32Array(n).fill(id) }),
    utf8Data(ids),
  ];
  const struct = makeData({ type: new Struct(fields), length: n, children: columns });
  return new Table(new RecordBatch(new Schema(fields), struct));
}

/** The `conversation_id` column when it holds text; -1 otherwise. */
function idColumnIndex(fields: readonly Field[]): number {
  return fields.findIndex((f) => f.name === ID_COLUMN && DataType.isUtf8(f.type));
}

function missingIdColumn(fields: readonly Field[]): string {
  const named = fields.find((f) => f.name === ID_COLUMN);
  if (named)
    return `Use as filter needs ${ID_COLUMN} as text; this query returns it as ${String(named.type)}.`;
  const names = fields.map((f) => f.name).join(', ') || 'no columns';
  return `Use as filter needs a column named ${ID_COLUMN}; this query returns ${names}.`;
}
