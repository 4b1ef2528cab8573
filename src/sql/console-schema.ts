import type { Row } from '../model/row';
import type { SqlQuery } from './query';

/** Row shape of `buildConsoleSchemaQuery`. */
export interface SchemaColumnRow extends Row {
  table_name: string;
  column_name: string;
  data_type: string;
}

/** The columns of the tables the console offers, as DuckDB describes them (in table order). */
export function buildConsoleSchemaQuery(tables: readonly string[]): SqlQuery {
  return {
    sql:
      'SELECT table_name, column_name, data_type FROM information_schema.columns ' +
      `WHERE table_schema = 'main' AND table_name IN (${tables.map(() => '?').join(', ')}) ` +
      'ORDER BY table_name, ordinal_position',
    params: [...tables],
  };
}
