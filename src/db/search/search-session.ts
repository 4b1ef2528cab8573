import type { BuiltDataset } from '../build/build-conversations';
import type { DuckDB } from '../engine/duckdb';
import { ParquetPool } from '../worker/parquet-pool';
import { runSearch, type SearchOptions, type SearchResult } from './search';
import type { SearchSpec } from '../../model/search-spec';

/**
 * An engine's searches: their own workers (cancelling one never touches a build or a read), ended
 * after a minute without a search: a scan at 1M leaves the renderer larger, and only ending them
 * returns their part (ParquetPool.recycleIdle), but a next scan runs faster on warm ones.
 */
export class SearchSession<D extends BuiltDataset> {
  private pool: ParquetPool | undefined;
  private prepared: D | undefined;

  constructor(
    private readonly reader: ParquetPool,
    private readonly duckdb: DuckDB,
    private readonly dataset: () => D | undefined,
  ) {}

  /**
   * Starts the search workers, each with every shard's footer read, at the user's intent (focus in
   * the search box), once per dataset; failures are the search's to report. Not once the page's
   * reader has started: a search borrows it first (src/db/search/search.ts), and compiling ours at
   * focus took the cores from those reads.
   */
  prepare(): void {
    const dataset = this.dataset();
    if (!dataset || this.prepared === dataset || this.reader.started) return;
    this.prepared = dataset;
    const search = this.workers();
    // Requests go to the least busy worker: `size` of them per shard reach every worker once.
    for (const shard of dataset.shards)
      for (let i = 0; i < search.size; i++)
        search.run({ type: 'inspect', shard }).catch(() => undefined);
  }

  /** Scans the open dataset for `spec` (Engine.search), lending the page's reader meanwhile. */
  run(spec: SearchSpec, options: SearchOptions = {}): Promise<SearchResult & { dataset: D }> {
    const dataset = this.dataset();
    if (!dataset) return Promise.reject(new Error('no dataset is open'));
    const pool = this.workers();
    return runSearch({ pool, duckdb: this.duckdb }, dataset, spec, {
      ...options,
      lend: this.reader,
    }).then((result) => ({ ...result, dataset }));
  }

  /** Ends the search workers. */
  close(reason: unknown): void {
    this.pool?.reset(reason);
    this.pool = undefined;
    this.prepared = undefined;
  }

  private workers(): ParquetPool {
    return (this.pool ??= new ParquetPool(undefined, { endWhenIdleMs: 60_000 }));
  }
}
