import {
  exportShardRows,
  type ExportProgress,
  type ExportWrite,
  type ShardExportFormat,
  type ShardExportOptions,
} from './export';
import type { BuiltDataset } from '../build/build-conversations';
import type { Row } from '../../model/row';
import type { SqlQuery } from '../../sql/query';
import { ParquetPool } from '../worker/parquet-pool';

/** The export's own workers and their lifecycle, beside the engine (src/db/engine/engine.ts). */
export type { ExportProgress, ExportWrite, ShardExportFormat, ShardExportOptions };

export class ExportSession {
  private pools: { readers: ParquetPool; writer: ParquetPool } | undefined;
  /** The dataset whose shards the export workers have open (reset workers forget them). */
  private prepared: BuiltDataset | undefined;

  constructor(
    private readonly dataset: () => BuiltDataset | undefined,
    private readonly query: <T extends Row = Row>(query: SqlQuery) => Promise<T[]>,
  ) {}

  /**
   * Writes the current selection's rows from the shards, every original column, as JSONL or
   * parquet (src/db/export/export.ts), chunk by chunk through `options.write`. Cancel with
   * `options.signal`: the export's own workers are stopped.
   */
  async run(options: ShardExportOptions): Promise<ExportProgress> {
    const pools = this.workers();
    const abort = () => {
      this.prepared = undefined;
      pools.readers.reset(options.signal?.reason);
      pools.writer.reset(options.signal?.reason);
    };
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      return await exportShardRows(this.dataset(), pools, this.query, options);
    } catch (error) {
      // A failed parquet export leaves its writer half done: start clean next time.
      this.prepared = undefined;
      pools.writer.reset(error);
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', abort);
    }
  }

  /**
   * Starts the export's workers and reads every shard's footer in each, so the export itself does
   * not wait for parquet-wasm to compile: call when the user shows intent (the Export dialog opens).
   */
  prepare(): void {
    const dataset = this.dataset();
    if (!dataset || this.prepared === dataset) return;
    this.prepared = dataset;
    const { readers, writer } = this.workers();
    for (const shard of dataset.shards) {
      for (let i = 0; i < readers.size; i++)
        readers.run({ type: 'inspect', shard }).catch(() => undefined);
      writer.run({ type: 'inspect', shard }).catch(() => undefined);
    }
  }

  /** Ends the export's workers. */
  close(reason: unknown): void {
    this.pools?.readers.reset(reason);
    this.pools?.writer.reset(reason);
    this.pools = undefined;
    this.prepared = undefined;
  }

  private workers() {
    return (this.pools ??= {
      readers: new ParquetPool(),
      writer: new ParquetPool(1, { resendOnCrash: false }),
    });
  }
}
