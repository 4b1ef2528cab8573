import { previewKey, type Engine, type RowLocator } from '../../db';

/**
 * List previews (first user prompts) read and kept for the rows in view. Keyed by dataset and
 * locator, so a newly opened dataset never sees old previews; the oldest go first past `limit`.
 */
export class PreviewCache {
  private readonly cache = new Map<string, string | null>();
  private readonly pending = new Set<string>();

  constructor(private readonly limit: number) {}

  /** The preview of `row`: undefined while not read yet. */
  get(datasetId: number, row: RowLocator): string | null | undefined {
    return this.cache.get(cacheKey(datasetId, row));
  }

  /** The rows whose previews are neither kept nor being read. */
  missing(datasetId: number, rows: readonly (RowLocator | undefined)[]): RowLocator[] {
    return rows.filter((r): r is RowLocator => {
      if (r === undefined) return false;
      const key = cacheKey(datasetId, r);
      return !this.cache.has(key) && !this.pending.has(key);
    });
  }

  /** Reads the previews of `rows` (batched by row group in the engine) and keeps them. */
  async load(engine: Engine, datasetId: number, rows: readonly RowLocator[]): Promise<void> {
    if (rows.length === 0) return;
    const keys = rows.map((r) => cacheKey(datasetId, r));
    keys.forEach((k) => this.pending.add(k));
    try {
      const found = await engine.readPreviews(rows);
      rows.forEach((row, i) => this.cache.set(keys[i]!, found.get(previewKey(row)) ?? null));
    } catch {
      // A failed read leaves the rows without a preview rather than retrying on every render.
      keys.forEach((k) => this.cache.set(k, null));
    } finally {
      keys.forEach((k) => this.pending.delete(k));
      while (this.cache.size > this.limit) this.cache.delete(this.cache.keys().next().value!);
    }
  }
}

const cacheKey = (datasetId: number, row: RowLocator) => `${datasetId}|${previewKey(row)}`;
