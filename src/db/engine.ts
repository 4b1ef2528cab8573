import { buildConversations, type BuildProgress, type BuiltDataset } from './build-conversations';
import { getDuckDB } from './duckdb';
import { ParquetPool } from './parquet-pool';
import type { MessageRecord, ShardRef } from './parquet-protocol';
import type { Row, SqlQuery } from '../sql/query';

export type { BuildProgress, BuiltDataset, MessageRecord, ShardRef };
export { DatasetError, type DatasetProblem } from './dataset-error';

/**
 * The engine behind one interface: the rest of the app asks for rows and conversations and never
 * sees DuckDB, parquet-wasm or Arrow. Swapping in another SQL engine means replacing this module.
 */

const pool = new ParquetPool();
let current: BuiltDataset | undefined;

export function startEngine(): Promise<unknown> {
  return getDuckDB();
}

/** Builds `conversations` for these shards; the previous dataset stays until this one is complete. */
export async function openShards(
  shards: ShardRef[],
  options: { signal?: AbortSignal; onProgress?: (p: BuildProgress) => void } = {},
): Promise<BuiltDataset> {
  const startMark = performance.mark('convoscope:build:start');
  const built = await buildConversations(pool, shards, options);
  current = built;
  // The bench reads this measure (scripts/bench): keep its name and detail stable.
  performance.measure('convoscope:build', {
    start: startMark.startTime,
    end: performance.now(),
    detail: { rows: built.rows, shards: shards.length, bytes: built.bytes },
  });
  return built;
}

/** Runs one statement with positional `?` parameters and returns plain rows. */
export async function runQuery<T extends Row = Row>(query: SqlQuery): Promise<T[]> {
  const { conn } = await getDuckDB();
  const statement = await conn.prepare(query.sql);
  try {
    const table = await statement.query(...query.params);
    return table.toArray().map((row) => row.toJSON() as T);
  } finally {
    await statement.close();
  }
}

/** Where a shard row lives: its row group and its offset in it. */
function locate(shard: number, shardRow: number) {
  const dataset = current;
  const info = dataset?.infos[shard];
  const ref = dataset?.shards[shard];
  if (!info || !ref) throw new Error(`no shard ${shard} in the open dataset`);
  let rowInGroup = shardRow;
  const rowGroup = info.rowGroups.findIndex((g) => {
    if (rowInGroup < g.rows) return true;
    rowInGroup -= g.rows;
    return false;
  });
  if (rowGroup < 0) throw new Error(`row ${shardRow} is beyond shard ${ref.name}`);
  return { ref, info, rowGroup, rowInGroup };
}

/** Reads one whole conversation through its locator: one row group of one shard, never a scan. */
export async function readConversation(shard: number, shardRow: number): Promise<MessageRecord[]> {
  const { ref, info, rowGroup, rowInGroup } = locate(shard, shardRow);
  const { messages } = await pool.run({
    type: 'conversation',
    shard: ref,
    rowGroup,
    rowInGroup,
    leaves: info.columns.conversationLeaves,
  });
  return messages;
}

/** A list row's locator; previews are keyed by `previewKey`. */
export interface RowLocator {
  shard: number;
  shard_row: number;
}
export const previewKey = (l: RowLocator) => `${l.shard}:${l.shard_row}`;

/**
 * The first user prompt of each row, read with one request per row group they fall in (the text
 * leaves only), spread over the parquet workers.
 */
export async function readPreviews(
  rows: readonly RowLocator[],
): Promise<Map<string, string | null>> {
  const groups = new Map<string, { shard: number; rowGroup: number; rows: Map<number, string> }>();
  for (const row of rows) {
    const { rowGroup, rowInGroup } = locate(row.shard, row.shard_row);
    const id = `${row.shard}:${rowGroup}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { shard: row.shard, rowGroup, rows: new Map() }));
    group.rows.set(rowInGroup, previewKey(row));
  }
  const result = new Map<string, string | null>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const { ref, info } = locate(group.shard, 0);
      const rowsInGroup = [...group.rows.keys()].sort((a, b) => a - b);
      const { previews } = await pool.run({
        type: 'previews',
        shard: ref,
        rowGroup: group.rowGroup,
        rowsInGroup,
        // `conversationLeaves` starts with the `content` and `role` leaves (shard-schema.ts).
        leaves: info.columns.conversationLeaves.slice(0, 2),
      });
      rowsInGroup.forEach((r, i) => result.set(group.rows.get(r)!, previews[i] ?? null));
    }),
  );
  return result;
}
