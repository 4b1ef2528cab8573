import { createHash } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ParquetFile } from 'parquet-wasm/node';
import { shardInfoFromFooter } from '../../src/db/build/shard-info';
import {
  SIDECAR_FORMAT,
  SIDECAR_MANIFEST,
  SIDECAR_TABLE,
  type SidecarManifest,
} from '../../src/db/build/sidecar';
import { CONVERSATION_COLUMNS } from '../../src/sql/conversations-table';
import { checkShardSet } from '../../src/db/build/shard-schema';
import { buildNativeConversationsQuery } from '../../src/sql/native-conversations';
import { quoteIdentifier, quoteString } from '../../src/sql/quote';
import { writeTextIndex, type TextIndexStats } from './write-text-index';

/** Rows per sidecar row group: each is one worker read in the app, so a few per core. */
export const SIDECAR_ROW_GROUP = 122_880;

export interface IndexResult {
  manifest: SidecarManifest;
  manifestPath: string;
  tablePath: string;
  /** How the text index was built, when it was. */
  textIndex?: TextIndexStats;
}

/**
 * Writes the `conversations` table of these shards (in this order: `shard` indexes it) as a
 * sidecar parquet plus its manifest into `outDir`. The table comes from native DuckDB
 * (src/sql/native-conversations.ts); each shard's footer is read with parquet-wasm and checked
 * exactly as the app checks it, so the manifest carries what the app would learn from it. Unless
 * `textIndex` is false, the text index (./write-text-index.ts) is written too and named in it.
 */
export async function writeSidecar(options: {
  shards: readonly string[];
  outDir: string;
  threads?: number;
  /** Tests use small row groups to cover reading several. */
  rowGroupRows?: number;
  textIndex?: boolean;
}): Promise<IndexResult> {
  const { shards, outDir } = options;
  if (shards.length === 0) throw new Error('no shards to index');
  const listed = await Promise.all(
    shards.map(async (path) => {
      const name = basename(path);
      const file = await ParquetFile.fromFile(await openAsBlob(path));
      return { path, name, bytes: (await stat(path)).size, info: shardInfoFromFooter(name, file) };
    }),
  );
  const names = new Set(listed.map((s) => s.name));
  if (names.size !== listed.length) throw new Error('two shards share a file name');
  const setProblem = checkShardSet(
    listed.map((s) => ({ name: s.name, rows: s.info.rows, columns: s.info.columns })),
  );
  if (setProblem) throw new Error(`${setProblem.file}: ${setProblem.message}`);

  await mkdir(outDir, { recursive: true });
  const tablePath = join(outDir, SIDECAR_TABLE);
  const partial = `${tablePath}.partial`;
  let rowOffset = 0;
  const native = listed.map((s) => {
    const shard = { path: s.path, rowOffset };
    rowOffset += s.info.rows;
    return shard;
  });
  // Same names, order and types as the browser's table, in `row` order.
  const select = CONVERSATION_COLUMNS.map(
    (c) => `${quoteIdentifier(c.name)}::${c.type} AS ${quoteIdentifier(c.name)}`,
  ).join(', ');
  const query = buildNativeConversationsQuery({
    shards: native,
    hasRedacted: listed.every((s) => s.info.columns.hasRedacted),
    // The shard-set check makes every shard agree on these; the first one speaks for all.
    shape: listed[0]!.info.columns.shape,
    present: listed[0]!.info.columns.present,
  });
  const db = await DuckDBInstance.create(':memory:', {
    threads: String(options.threads ?? 2),
  });
  const conn = await db.connect();
  let rowGroups: number[];
  try {
    await conn.run(
      `COPY (SELECT ${select} FROM (${query}) ORDER BY "row") TO ${quoteString(partial)}
       (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${options.rowGroupRows ?? SIDECAR_ROW_GROUP})`,
    );
    const groups = await conn.runAndReadAll(
      `SELECT row_group_id, any_value(row_group_num_rows)::BIGINT AS n
       FROM parquet_metadata(${quoteString(partial)}) GROUP BY row_group_id ORDER BY row_group_id`,
    );
    rowGroups = groups.getRowObjectsJS().map((r) => Number(r.n));
    await rename(partial, tablePath);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
  let textIndexStats: TextIndexStats | undefined;
  // Before the manifest, which then names only files that are complete.
  const textIndex =
    options.textIndex === false
      ? undefined
      : await writeTextIndex({
          shards: listed.map((s) => ({ path: s.path, rows: s.info.rows })),
          outDir,
          threads: options.threads,
          onStats: (stats) => (textIndexStats = stats),
        });
  const identity = listed.map((s) => ({ name: s.name, bytes: s.bytes, rows: s.info.rows }));
  const manifest: SidecarManifest = {
    format: SIDECAR_FORMAT,
    table: {
      file: SIDECAR_TABLE,
      bytes: (await stat(tablePath)).size,
      rows: rowGroups.reduce((a, b) => a + b, 0),
      rowGroups,
    },
    shards: listed.map(({ name, bytes, info }) => ({ name, bytes, info })),
    id: createHash('sha256').update(JSON.stringify(identity)).digest('hex'),
    createdAt: new Date().toISOString(),
    ...(textIndex && { textIndex }),
  };
  const manifestPath = join(outDir, SIDECAR_MANIFEST);
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 1)}\n`);
  return { manifest, manifestPath, tablePath, textIndex: textIndexStats };
}
