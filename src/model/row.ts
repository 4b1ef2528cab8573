/** A value as the engine returns it for our tables' columns. */
export type SqlValue = string | number | boolean | null;
/** One result row, by column name. */
export type Row = Record<string, SqlValue>;
