import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { quoteString } from '../src/sql/quote';

/** The embedded sample as built into dist/, read by native DuckDB for reference values. */
const SAMPLE_DIR = join(process.cwd(), 'dist', 'sample');

/** The sample's shards in the order the app opens them (its manifest's). */
export const sampleShards = () =>
  (
    JSON.parse(readFileSync(join(SAMPLE_DIR, 'manifest.json'), 'utf8')) as {
      files: { name: string }[];
    }
  ).files.map((f) => join(SAMPLE_DIR, f.name));

/** `read_parquet` over every sample shard, for splicing into reference SQL. */
export const sampleFiles = () => `read_parquet([${sampleShards().map(quoteString).join(', ')}])`;

export async function nativeRows(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const reader = await conn.runAndReadAll(sql);
  conn.closeSync();
  return reader.getRowObjectsJS();
}
