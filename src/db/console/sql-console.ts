import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { DataType, type Field, type RecordBatch } from 'apache-arrow';
import { refusalReason } from '../../sql/console-statement';
import { displayValue } from './console-values';
import type { DuckDB } from '../engine/duckdb';

/**
 * The SQL console's engine side. A console statement runs on its own connection, inside a
 * transaction that is always rolled back: a `DROP TABLE conversations` typed there cannot take the
 * app's table away, and the app's own queries never run inside the user's transaction.
 */

export interface ConsoleColumn {
  name: string;
  /** DuckDB's type as Arrow names it, e.g. `Utf8`, `Float64`, `List<Utf8>`. */
  type: string;
  numeric: boolean;
}

export interface ConsoleResult {
  columns: ConsoleColumn[];
  /** Display text per cell; null is SQL NULL. */
  rows: (string | null)[][];
  /** More rows existed than `maxRows`: only the first `maxRows` are kept. */
  truncated: boolean;
  ms: number;
}

export class ConsoleQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConsoleQueryError';
  }
}

export class ConsoleQueryCancelled extends Error {
  constructor() {
    super('The query was cancelled.');
    this.name = 'ConsoleQueryCancelled';
  }
}

/**
 * The console's own connection and its queue: one console query at a time, since the connection
 * has one transaction.
 */
export class SqlConsole {
  private connection: Promise<AsyncDuckDBConnection> | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly duckdb: DuckDB) {}

  /** Runs one read-only statement and keeps at most `maxRows` of its rows. */
  async run(
    sql: string,
    { maxRows, signal }: { maxRows: number; signal?: AbortSignal },
  ): Promise<ConsoleResult> {
    const started = performance.now();
    const rows: (string | null)[][] = [];
    let truncated = false;
    const fields = await this.stream(sql, signal, (batch) => {
      truncated = appendRows(rows, batch, maxRows) || truncated;
      return truncated;
    });
    return { columns: fields.map(toColumn), rows, truncated, ms: performance.now() - started };
  }

  /**
   * Runs one read-only console statement (one at a time: the connection has one transaction) and
   * hands each result batch to `consume` until it returns true. Resolves to the result's fields.
   */
  stream(
    sql: string,
    signal: AbortSignal | undefined,
    consume: (batch: RecordBatch) => boolean,
  ): Promise<Field[]> {
    const result = this.running.then(() => this.execute(sql, signal, consume));
    this.running = result.catch(() => undefined);
    return result;
  }

  private consoleConnection(): Promise<AsyncDuckDBConnection> {
    this.connection ??= this.duckdb().then(({ db }) => db.connect());
    return this.connection;
  }

  private async execute(
    sql: string,
    signal: AbortSignal | undefined,
    consume: (batch: RecordBatch) => boolean,
  ): Promise<Field[]> {
    const refusal = refusalReason(sql);
    if (refusal) throw new ConsoleQueryError(refusal);
    if (signal?.aborted) throw new ConsoleQueryCancelled();
    const conn = await this.consoleConnection();
    // Preparing first refuses several statements at once and reports syntax errors without running.
    const prepared = await conn.prepare(sql).catch((e: unknown) => {
      throw new ConsoleQueryError(errorText(e));
    });
    await prepared.close();
    await conn.query('BEGIN TRANSACTION');
    const cancel = () => void conn.cancelSent();
    signal?.addEventListener('abort', cancel);
    try {
      const reader = await conn.send(sql, true);
      let fields: Field[] | undefined;
      for await (const batch of reader) {
        if (signal?.aborted) break;
        fields ??= batch.schema.fields;
        if (consume(batch)) {
          await conn.cancelSent();
          break;
        }
      }
      if (signal?.aborted) throw new ConsoleQueryCancelled();
      // A result without batches still has a schema once the stream has been read.
      return fields ?? reader.schema?.fields ?? [];
    } catch (e) {
      if (signal?.aborted) throw new ConsoleQueryCancelled();
      if (e instanceof ConsoleQueryError) throw e;
      throw new ConsoleQueryError(errorText(e));
    } finally {
      signal?.removeEventListener('abort', cancel);
      await conn.query('ROLLBACK').catch(() => {
        // A cancelled query can leave the connection unusable: start a fresh one next time.
        this.connection = undefined;
      });
    }
  }
}

/** Adds the batch's rows up to `maxRows`; true when rows were left out. */
function appendRows(rows: (string | null)[][], batch: RecordBatch, maxRows: number): boolean {
  const take = Math.min(batch.numRows, maxRows - rows.length);
  const vectors = batch.schema.fields.map((_, i) => batch.getChildAt(i));
  for (let r = 0; r < take; r++) {
    rows.push(vectors.map((v) => displayValue(v?.get(r))));
  }
  return take < batch.numRows;
}

function toColumn(field: Field): ConsoleColumn {
  const type = field.type;
  const numeric = DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type);
  return { name: field.name, type: String(type), numeric };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
