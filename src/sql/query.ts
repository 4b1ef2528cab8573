import type { SqlValue } from '../model/row';

/** A statement with positional `?` parameters: user values travel as parameters, never as SQL text. */
export interface SqlQuery {
  sql: string;
  params: SqlValue[];
}
