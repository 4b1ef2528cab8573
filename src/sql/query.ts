/** A statement with positional `?` parameters: user values travel as parameters, never as SQL text. */
export type SqlValue = string | number | boolean | null;
export type Row = Record<string, SqlValue>;
export interface SqlQuery {
  sql: string;
  params: SqlValue[];
}
