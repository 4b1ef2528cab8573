import type { ShardInfo, ShardRef } from './parquet-protocol';

/** The part of an open dataset that says where its rows are. */
export interface ShardLayout {
  shards: readonly ShardRef[];
  infos: readonly ShardInfo[];
}

/** Where a shard row lives: its shard, its row group and its offset in it. */
export function locateRow(dataset: ShardLayout | undefined, shard: number, shardRow: number) {
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

/** The items that fall in one row group of one shard, ascending by their row in the group. */
export interface RowGroupItems<T> {
  ref: ShardRef;
  info: ShardInfo;
  rowGroup: number;
  items: { rowInGroup: number; item: T }[];
}

/** Groups located rows by row group, so each group is one worker read. */
export function groupByRowGroup<T extends { shard: number; shard_row: number }>(
  dataset: ShardLayout | undefined,
  rows: readonly T[],
): RowGroupItems<T>[] {
  const groups = new Map<string, RowGroupItems<T>>();
  for (const item of rows) {
    const { ref, info, rowGroup, rowInGroup } = locateRow(dataset, item.shard, item.shard_row);
    const id = `${item.shard}:${rowGroup}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { ref, info, rowGroup, items: [] }));
    group.items.push({ rowInGroup, item });
  }
  const list = [...groups.values()];
  for (const group of list) group.items.sort((a, b) => a.rowInGroup - b.rowInGroup);
  return list;
}
