import { tableFromIPC, type Table } from 'apache-arrow';
import { GroupCache, locateRow } from './group-cache';
import type { ShardRef } from './parquet-protocol';
import { readWasmTable } from './shard-files';

type WasmTable = Awaited<ReturnType<typeof readWasmTable>>;

interface KeptGroup {
  table: WasmTable;
  /** Rows of each record batch, in order. */
  batchRows: number[];
}

/**
 * The giant row group this worker decoded last, kept whole in parquet-wasm's memory. parquet-wasm
 * cannot read one row of a giant group without fetching and decompressing its column chunks whole
 * (it loads no page index, and the generator's writer writes none), so the first read decodes the
 * group once and every later one slices a row out of it. Only the pool's pinned worker gets such
 * requests, so one group is kept in the whole pool.
 */
const kept = new GroupCache<KeptGroup>((group) => group.table.free());

function groupKey(shard: ShardRef, rowGroup: number, leaves: readonly string[]): string {
  const source = shard.url ?? `${shard.name}:${shard.file?.size}:${shard.file?.lastModified}`;
  return `${source}#${rowGroup}#${leaves.join(',')}`;
}

async function loadGroup(shard: ShardRef, rowGroup: number, leaves: string[]): Promise<KeptGroup> {
  const table = await readWasmTable(shard, rowGroup, leaves);
  const batchRows: number[] = [];
  for (let i = 0; i < table.numBatches; i++) {
    const batch = table.recordBatch(i);
    batchRows.push(batch?.numRows ?? 0);
    batch?.free();
  }
  return { table, batchRows };
}

/**
 * Rows of a kept row group (read and kept first if it is not the one held), each as a one-row
 * Arrow table. A row leaves wasm memory as its own small IPC stream: the group is never copied.
 */
export async function keptRows(
  shard: ShardRef,
  rowGroup: number,
  leaves: string[],
  rows: readonly number[],
): Promise<Table[]> {
  const group = await kept.get(groupKey(shard, rowGroup, leaves), () =>
    loadGroup(shard, rowGroup, leaves),
  );
  // Synchronous from here on: GroupCache frees a replaced group only after this continuation.
  return rows.map((row) => {
    const { batch, offset } = locateRow(group.batchRows, row);
    const whole = group.table.recordBatch(batch);
    if (!whole) throw new RangeError(`row group ${rowGroup} has no batch ${batch}`);
    const one = whole.slice(offset, 1);
    whole.free();
    return tableFromIPC(one.intoIPCStream());
  });
}
