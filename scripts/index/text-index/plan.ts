/** A range of one shard's rows, read by one worker: rows [from, to) of `path`. */
export interface ShardRange {
  path: string;
  from: number;
  to: number;
  /** The global `row` of the shard's row 0: the rows of the shards before it. */
  rowOffset: number;
}

/**
 * The dataset's rows cut into `parts` contiguous ranges of nearly equal length, each as the shard
 * ranges it covers, in `row` order. Contiguous so that a term's list is the workers' lists one
 * after another; by rows rather than by shard, so that two workers share one big shard.
 */
export function splitRows(
  shards: readonly { path: string; rows: number }[],
  parts: number,
): ShardRange[][] {
  const total = shards.reduce((sum, s) => sum + s.rows, 0);
  const n = Math.max(1, Math.min(parts, total));
  const plan: ShardRange[][] = [];
  for (let part = 0; part < n; part++) {
    const first = Math.floor((total * part) / n);
    const end = Math.floor((total * (part + 1)) / n);
    const ranges: ShardRange[] = [];
    let rowOffset = 0;
    for (const shard of shards) {
      const from = Math.max(first - rowOffset, 0);
      const to = Math.min(end - rowOffset, shard.rows);
      if (from < to) ranges.push({ path: shard.path, from, to, rowOffset });
      rowOffset += shard.rows;
    }
    plan.push(ranges);
  }
  return plan;
}
