import { tableFromIPC } from 'apache-arrow';
import { DatasetError } from '../engine/dataset-error';
import type { ShardInfo } from '../worker/parquet-protocol';
import { textLeaves } from '../search/search-scan';
import { checkShardSchema } from './shard-schema';

/** The parts of a parquet-wasm `ParquetFile` read here (the same in its esm and node builds). */
export interface ParquetFooter {
  metadata(): {
    fileMetadata(): { numRows(): number };
    rowGroups(): {
      numRows(): number;
      columns(): { columnPath(): string[]; compressedSize(): number }[];
    }[];
  };
  schema(): { intoIPCStream(): Uint8Array };
}

/**
 * A shard's footer checked against the expected layout and reduced to what the app keeps: rows,
 * the leaves to read, and each row group's rows and bytes. Shared by the parquet worker and the
 * `index` command, whose manifest carries it so a sidecar open never reads the shards' footers.
 */
export function shardInfoFromFooter(name: string, file: ParquetFooter): ShardInfo {
  const metadata = file.metadata();
  const schema = tableFromIPC(file.schema().intoIPCStream()).schema;
  const groups = metadata.rowGroups();
  const leafPaths = groups[0]?.columns().map((c) => c.columnPath()) ?? [];
  const checked = checkShardSchema(name, schema, leafPaths);
  if ('problem' in checked) throw new DatasetError(checked.problem);
  const wanted = new Set(checked.columns.metadataLeaves);
  // Content and role: what a search in one role's messages reads.
  const text = new Set(textLeaves(checked.columns.conversationLeaves, 'user'));
  const bytesOf = (group: (typeof groups)[number], leaves: Set<string>) =>
    group
      .columns()
      .filter((c) => leaves.has(c.columnPath().join('.')))
      .reduce((sum, c) => sum + c.compressedSize(), 0);
  return {
    rows: metadata.fileMetadata().numRows(),
    columns: checked.columns,
    rowGroups: groups.map((g) => ({
      rows: g.numRows(),
      metadataBytes: bytesOf(g, wanted),
      textBytes: bytesOf(g, text),
    })),
  };
}
