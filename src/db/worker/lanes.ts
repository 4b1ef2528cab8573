/** Workers of one kind taking items from a shared queue: `count` at once, each running `run`. */
export interface Lanes<T> {
  count: number;
  run: (item: T) => Promise<void>;
  /** Checked before each item: once true, these lanes take no more (the others finish the queue). */
  done?: () => boolean;
  /** Awaited before the first item: these lanes start late (another group goes first). */
  after?: Promise<unknown>;
}

/**
 * Runs every item once, in order of start, over all the lanes together. The first failure stops
 * every lane from starting another item and rejects with that failure; so does `signal` (an abort
 * the caller reports itself), including for lanes still waiting on `after`.
 */
export async function runLanes<T>(
  items: T[],
  groups: Lanes<T>[],
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  let failed = false;
  const lanes = groups.flatMap(({ count, run, done, after }) =>
    Array.from({ length: Math.min(count, items.length) }, async () => {
      await after;
      while (!failed && !signal?.aborted && next < items.length && !done?.()) {
        await run(items[next++]!).catch((error: unknown) => {
          failed = true;
          throw error;
        });
      }
    }),
  );
  await Promise.all(lanes);
}
