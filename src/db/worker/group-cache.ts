/**
 * At most one decoded row group, by key. A worker keeps the last giant group it decoded so the
 * next conversation in it is a slice, not another whole-group read; holding a second one would
 * double the worker's memory, which WebAssembly never gives back. Callers that ask for the same
 * key while it loads share the load; a failed load is forgotten, so the next call tries again.
 */
export class GroupCache<T> {
  private entry: { key: string; value: Promise<T> } | undefined;

  /** `dispose` frees a replaced value (parquet-wasm tables live in wasm memory until freed). */
  constructor(private readonly dispose: (value: T) => void) {}

  /** The key held or loading, if any. */
  get key(): string | undefined {
    return this.entry?.key;
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.entry?.key === key) return this.entry.value;
    // The next group loads only once the last one is freed: two at once is the peak to avoid.
    const freed = this.clear();
    const value = freed.then(load);
    const entry = { key, value };
    this.entry = entry;
    value.catch(() => {
      if (this.entry === entry) this.entry = undefined;
    });
    return value;
  }

  /**
   * Drops the entry and frees its value once loaded. A caller that awaited the value before this
   * runs first: its continuation was queued when the value settled, ahead of this `then`, and it
   * reads synchronously.
   */
  clear(): Promise<void> {
    const old = this.entry;
    this.entry = undefined;
    return old ? old.value.then(this.dispose, () => undefined) : Promise.resolve();
  }
}

/** Where row `row` of a group lies in the batches holding `batchRows` rows each. */
export function locateRow(
  batchRows: readonly number[],
  row: number,
): { batch: number; offset: number } {
  let offset = row;
  for (let batch = 0; batch < batchRows.length; batch++) {
    const rows = batchRows[batch] ?? 0;
    if (offset < rows) return { batch, offset };
    offset -= rows;
  }
  throw new RangeError(`row ${row} is beyond the ${sum(batchRows)} rows of the row group`);
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
