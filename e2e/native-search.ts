import { DuckDBInstance } from '@duckdb/node-api';
import { quoteString } from '../src/sql/quote';
import { nativeMatchCondition, re2Pattern } from '../scripts/bench/search-queries';

/**
 * Native DuckDB's count of conversations in `paths` with a message matching an RE2 pattern (in
 * `role`'s messages only, when given), of `model` only, when given.
 */
export async function nativeSearchCount(
  paths: string[],
  re2: string,
  role?: 'user' | 'assistant',
  model?: string,
): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const files = `[${paths.map(quoteString).join(', ')}]`;
  const modelCondition = model ? ` AND model = ${quoteString(model)}` : '';
  const reader = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM read_parquet(${files})
     WHERE ${nativeMatchCondition(re2, role)}${modelCondition}`,
  );
  conn.closeSync();
  return Number(reader.getRowObjects()[0]!.n);
}

/** `word` as a whole word, case-insensitive, in RE2 (as the app's whole-word search means it). */
export const wholeWordRe2 = (word: string) =>
  re2Pattern({ text: word, regex: false, wholeWord: true });
