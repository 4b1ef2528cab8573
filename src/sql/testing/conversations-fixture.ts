import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { generateDataset } from '../../../scripts/generator/generate-dataset';
import { nativeConnection, plainRows, prepareBound } from '../../db/testing/node-shards';
import { buildNativeConversationsQuery } from '../native-conversations';
import { CONVERSATIONS } from '../conversations-table';
import type { SqlQuery } from '../query';

/**
 * A native DuckDB holding `conversations` for a generated dataset: SQL builders are tested by
 * running them here and checking the rows, never by comparing SQL text.
 */
export async function conversationsFixture(options: {
  rows: number;
  shards: number;
  seed: number;
  /** The generated layout; WildChat shards fill `toxic`, `country` and `state`. */
  shape?: 'lmsys' | 'wildchat';
}) {
  const dir = mkdtempSync(join(tmpdir(), 'convoscope-sql-'));
  const wildchat = options.shape === 'wildchat';
  // `conversations` never reads message text, and the text is nearly all of the generator's work.
  const { files } = await generateDataset({ ...options, outDir: dir, text: false });
  const conn = await nativeConnection();
  let rowOffset = 0;
  const shards = files.map((f) => {
    const shard = { path: f.path, rowOffset };
    rowOffset += f.rows;
    return shard;
  });
  await conn.run(
    `CREATE TABLE ${CONVERSATIONS} AS ${buildNativeConversationsQuery({
      shards,
      hasRedacted: true,
      ...(wildchat
        ? { shape: 'wildchat', present: { toxic: true, country: true, state: true } }
        : {}),
    })}`,
  );
  return {
    conn,
    /** Runs a builder's statement with its parameters bound, as the browser engine does. */
    run: (query: SqlQuery) => runPrepared(conn, query),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function runPrepared(conn: DuckDBConnection, query: SqlQuery) {
  const statement = await prepareBound(conn, query);
  return plainRows(await statement.runAndReadAll());
}
