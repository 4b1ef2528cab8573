import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBResultReader } from '@duckdb/node-api';
import { readParquet, ParquetFile, wasmMemory } from 'parquet-wasm/node';
import { tableFromIPC, type Table } from 'apache-arrow';
import type { DatasetProblem } from '../engine/dataset-error';
import { checkShardSchema, type ShardColumns } from '../build/shard-schema';
import { withViews } from '../worker/wasm-views';
import type { SqlQuery } from '../../sql/query';

/**
 * Test support: the browser's parquet path (parquet-wasm, projected leaves, Arrow) run in Node over
 * files on disk, and native DuckDB beside it as the reference.
 */
export interface NodeShard {
  path: string;
  bytes: Uint8Array;
  columns: ShardColumns;
  rowGroups: number[];
}

export async function openNodeShard(path: string): Promise<NodeShard> {
  const checked = await checkNodeShard(path);
  if ('problem' in checked) throw new Error(JSON.stringify(checked.problem));
  return checked.shard;
}

/** What the parquet worker's `inspect` finds in a file on disk: the shard, or its named problem. */
export async function checkNodeShard(
  path: string,
): Promise<{ shard: NodeShard & { rows: number } } | { problem: DatasetProblem }> {
  const bytes = readFileSync(path);
  const file = await ParquetFile.fromFile(new Blob([bytes]));
  const metadata = file.metadata();
  const groups = metadata.rowGroups();
  const schema = tableFromIPC(file.schema().intoIPCStream()).schema;
  const leafPaths = groups[0]?.columns().map((c) => c.columnPath()) ?? [];
  const checked = checkShardSchema(basename(path), schema, leafPaths);
  if ('problem' in checked) return checked;
  const rowGroups = groups.map((g) => g.numRows());
  const rows = metadata.fileMetadata().numRows();
  return { shard: { path, bytes, columns: checked.columns, rowGroups, rows } };
}

export function readRowGroup(
  shard: NodeShard,
  rowGroup: number,
  columns: string[],
  range?: { offset: number; limit: number },
): Table {
  return tableFromIPC(
    readParquet(shard.bytes, { rowGroups: [rowGroup], columns, ...range }).intoIPCStream(),
  );
}

/** The worker's zero-copy path (`withRowGroup` in parquet-worker.ts): the leaves read in place. */
export function withRowGroupViews<T>(
  shard: NodeShard,
  rowGroup: number,
  columns: string[],
  read: (table: Table) => T,
): T {
  return withViews(readParquet(shard.bytes, { rowGroups: [rowGroup], columns }), wasmMemory, read);
}

export async function nativeConnection(): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(':memory:');
  return db.connect();
}

/** Rows as plain JSON-safe objects (BIGINT as number) for deep comparison. */
export async function nativeRows(conn: DuckDBConnection, sql: string) {
  return plainRows(await conn.runAndReadAll(sql));
}

/** A reader's rows with BIGINT as number, the way the browser engine returns them. */
export function plainRows(reader: DuckDBResultReader) {
  return reader
    .getRowObjectsJS()
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]),
      ),
    );
}

/** A builder's statement prepared in native DuckDB with its `?` parameters bound, as the browser binds them. */
export async function prepareBound(conn: DuckDBConnection, query: SqlQuery) {
  const statement = await conn.prepare(query.sql);
  query.params.forEach((value, i) => {
    const index = i + 1;
    if (value === null) statement.bindNull(index);
    else if (typeof value === 'boolean') statement.bindBoolean(index, value);
    else if (typeof value === 'number')
      if (Number.isInteger(value)) statement.bindBigInt(index, BigInt(value));
      else statement.bindDouble(index, value);
    else statement.bindVarchar(index, value);
  });
  return statement;
}
