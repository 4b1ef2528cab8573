import {
  exportShardRows,
  type ExportProgress,
  type ExportWrite,
  type ShardExportFormat,
  type ShardExportOptions,
} from './export';
import { openBuiltDataset, runQuery, type BuiltDataset } from '../engine/engine';
import { ParquetPool } from '../worker/parquet-pool';

/** The export's own workers and their lifecycle, beside the engine (src/db/engine.ts). */
export type { ExportProgress, ExportWrite, ShardExportFormat, ShardExportOptions };

/**
 * Writes the current selection's rows from the shards, every original column, as JSONL or
 * parquet (src/db/export.ts), chunk by chunk through `options.write`. Cancel with
 * `options.signal`: the export's own workers are stopped.
 */
export async function exportSelection(options: ShardExportOptions): Promise<ExportProgress> {
  const pools = exportWorkers();
  const abort = () => {
    exportPrepared = undefined;
    pools.readers.reset(options.signal?.reason);
    pools.writer.reset(options.signal?.reason);
  };
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    return await exportShardRows(openBuiltDataset(), pools, runQuery, options);
  } catch (error) {
    // A failed parquet export leaves its writer half done: start clean next time.
    exportPrepared = undefined;
    pools.writer.reset(error);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
}
let exportPools: { readers: ParquetPool; writer: ParquetPool } | undefined;
/** The dataset whose shards the export workers have open (reset workers forget them). */
let exportPrepared: BuiltDataset | undefined;
const exportWorkers = () =>
  (exportPools ??= {
    readers: new ParquetPool(),
    writer: new ParquetPool(1, { resendOnCrash: false }),
  });

/**
 * Starts the export's workers and reads every shard's footer in each, so the export itself does
 * not wait for parquet-wasm to compile: call when the user shows intent (the Export dialog opens).
 */
export function prepareExport(): void {
  const dataset = openBuiltDataset();
  if (!dataset || exportPrepared === dataset) return;
  exportPrepared = dataset;
  const { readers, writer } = exportWorkers();
  for (const shard of dataset.shards) {
    for (let i = 0; i < readers.size; i++)
      readers.run({ type: 'inspect', shard }).catch(() => undefined);
    writer.run({ type: 'inspect', shard }).catch(() => undefined);
  }
}
