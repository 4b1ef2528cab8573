import type { BuiltDataset } from '../build/build-conversations';
import type { DuckDB } from '../engine/duckdb';
import { ParquetPool } from '../worker/parquet-pool';
import { runSearch, type SearchOptions, type SearchResult } from './search';
import type { SearchSpec } from '../../model/search-spec';
import { planIndexedSearch } from '../../model/text-query';
import { currentHubAuth, withHubAuth } from '../net/hub-auth';
import { httpReadRange, locateTextIndex } from '../text-index/locate';
import { TextIndexReader } from '../text-index/text-index-reader';

/**
 * An engine's searches: their own workers (cancelling one never touches a build or a read), ended
 * after a minute without a search: a scan at 1M leaves the renderer larger, and only ending them
 * returns their part (ParquetPool.recycleIdle), but a next scan runs faster on warm ones.
 */
export class SearchSession<D extends BuiltDataset> {
  private pool: ParquetPool | undefined;
  private prepared: D | undefined;
  private index: { dataset: D; reader: Promise<TextIndexReader | null> } | undefined;

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
    if (dataset) void this.textIndex(dataset).then((reader) => reader?.warm());
    if (!dataset || this.prepared === dataset || this.reader.started) return;
    this.prepared = dataset;
    const search = this.workers();
    // Requests go to the least busy worker: `size` of them per shard reach every worker once.
    for (const shard of dataset.shards)
      for (let i = 0; i < search.size; i++)
        search.run({ type: 'inspect', shard }).catch(() => undefined);
  }

  /**
   * Searches the open dataset for `spec` (Engine.search): with its text index when it has one
   * that can narrow `spec`, else by scanning every row group, lending the page's reader meanwhile.
   */
  async run(spec: SearchSpec, options: SearchOptions = {}): Promise<SearchResult & { dataset: D }> {
    const dataset = this.dataset();
    if (!dataset) throw new Error('no dataset is open');
    const indexed = await this.narrow(dataset, spec);
    options.signal?.throwIfAborted();
    const pool = this.workers();
    const result = await runSearch({ pool, duckdb: this.duckdb }, dataset, spec, {
      ...options,
      ...indexed,
      lend: this.reader,
    });
    return { ...result, dataset };
  }

  /** The index's candidates for `spec`, or why it was not used; nothing without an index. */
  private async narrow(
    dataset: D,
    spec: SearchSpec,
  ): Promise<Pick<SearchOptions, 'candidates' | 'withoutIndex'>> {
    const reader = await this.textIndex(dataset);
    if (!reader) return {};
    const plan = planIndexedSearch(spec);
    if (plan.use === 'scan') return { withoutIndex: plan.reason };
    try {
      const found = await reader.candidates(plan.conditions, spec.scope);
      if (!found)
        return {
          withoutIndex: `“${spec.text}” matches too many different words for the index to narrow the search`,
        };
      return { candidates: { rows: found.rows, exact: plan.exact && found.skipped.length === 0 } };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { withoutIndex: `the text index could not be read (${reason})` };
    }
  }

  /** The dataset's text index, looked for once per dataset (beside URL shards only). */
  private textIndex(dataset: D): Promise<TextIndexReader | null> {
    if (this.index?.dataset !== dataset) {
      const fetchFn = withHubAuth(fetch, currentHubAuth);
      const reader = locateTextIndex(dataset.shards, dataset.identities, dataset.rows, fetchFn)
        .then((files) => files && new TextIndexReader(files, httpReadRange(fetchFn)))
        .catch(() => null);
      this.index = { dataset, reader };
    }
    return this.index.reader;
  }

  /** Ends the search workers. */
  close(reason: unknown): void {
    this.pool?.reset(reason);
    this.pool = undefined;
    this.prepared = undefined;
    this.index = undefined;
  }

  private workers(): ParquetPool {
    return (this.pool ??= new ParquetPool(undefined, { endWhenIdleMs: 60_000 }));
  }
}
