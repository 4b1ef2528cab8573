import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

/** A DuckDB connection for tests, returning rows as plain JSON-like objects. */
export async function openTestDb(): Promise<{
  query: (sql: string) => Promise<Row[]>;
  close: () => void;
}> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  return {
    query: async (sql) => {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJson() as Row[];
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export function num(value: unknown): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${String(value)}`);
  return n;
}

/** md5 over every data column of every (matching) row, in shard order then row order. */
export function contentDigestSql(glob: string, where = 'true'): string {
  return `SELECT md5(string_agg(md5(concat_ws('|', conversation_id, model, conversation::VARCHAR,
      turn, language, openai_moderation::VARCHAR, redacted)), '' ORDER BY filename, file_row_number))
      AS digest, count(*) AS n
    FROM read_parquet('${glob}', filename = true, file_row_number = true)
    WHERE ${where}`;
}

/**
 * Rows of `glob` in shard then row order with every message's `content` blanked: what a dataset
 * written with `text: false` must equal, column for column.
 */
export function withoutTextSql(glob: string): string {
  return `SELECT * EXCLUDE (filename, file_row_number)
      REPLACE (list_transform(conversation, m -> struct_update(m, content := '')) AS conversation)
    FROM read_parquet('${glob}', filename = true, file_row_number = true)
    ORDER BY filename, file_row_number`;
}
