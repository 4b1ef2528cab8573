import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { quoteString } from '../../src/sql/quote';
import type { Dataset } from './dataset';

/** A fresh in-memory native DuckDB limited to one thread, the baseline every line compares with. */
export interface NativeSession {
  connection: DuckDBConnection;
  dataset: Dataset;
  /** Milliseconds `sql` takes to run. */
  time(sql: string): Promise<number>;
  scalar(sql: string): Promise<unknown>;
  close(): void;
}

export async function openNativeSession(dataset: Dataset): Promise<NativeSession> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('SET threads = 1');
  return {
    connection,
    dataset,
    async time(sql) {
      const started = performance.now();
      await connection.run(sql);
      return performance.now() - started;
    },
    async scalar(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRows()[0]?.[0];
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * Compressed bytes of the leaf columns a read needs, summed from the footers: native DuckDB reads
 * local files, so this is an estimate of what it would fetch, not a count.
 */
export async function leafBytes(
  session: NativeSession,
  exclude: (leaf: string) => boolean,
): Promise<number> {
  let total = 0;
  for (const shard of session.dataset.shards) {
    const reader = await session.connection.runAndReadAll(
      `SELECT path_in_schema, sum(total_compressed_size)::BIGINT
       FROM parquet_metadata(${quoteString(shard.path)}) GROUP BY ALL`,
    );
    for (const [leaf, bytes] of reader.getRows()) {
      if (!exclude(String(leaf).replaceAll(', ', '.'))) total += Number(bytes);
    }
  }
  return total;
}
