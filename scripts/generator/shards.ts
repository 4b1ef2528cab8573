export interface ShardPlan {
  index: number;
  name: string;
  start: number;
  end: number;
}

/** `train-00000-of-00006.parquet`, as the real shards are named (minus their content hash). */
export function shardName(index: number, count: number): string {
  const pad = (n: number) => String(n).padStart(5, '0');
  return `train-${pad(index)}-of-${pad(count)}.parquet`;
}

/** Contiguous row ranges, as even as possible (the first `rows % shards` get one extra row). */
export function planShards(rows: number, shards: number): ShardPlan[] {
  const base = Math.floor(rows / shards);
  const extra = rows % shards;
  const plans: ShardPlan[] = [];
  let start = 0;
  for (let index = 0; index < shards; index++) {
    const end = start + base + (index < extra ? 1 : 0);
    plans.push({ index, name: shardName(index, shards), start, end });
    start = end;
  }
  return plans;
}
