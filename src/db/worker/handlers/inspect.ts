import type { ParquetFile } from 'parquet-wasm/esm';
import { DatasetError } from '../../engine/dataset-error';
import { shardInfoFromFooter } from '../../build/shard-info';
import { probeParquetFile, probeParquetUrl } from '../../net/probe-url';
import type { ShardInfo, ShardRef } from '../parquet-protocol';
import { errorText, openShard } from '../shard-files';
import { authFetch } from '../worker-fetch';

/** A shard's footer read into its layout, after checking its host (or file) can be read by range. */
export async function inspect(shard: ShardRef): Promise<ShardInfo> {
  if (shard.url) await probeParquetUrl(shard.name, shard.url, authFetch);
  else if (shard.file) await probeParquetFile(shard.name, shard.file);
  let file: ParquetFile;
  try {
    file = await openShard(shard);
  } catch (error) {
    throw new DatasetError({
      file: shard.name,
      message: `could not be read as parquet: ${errorText(error)}`,
    });
  }
  return shardInfoFromFooter(shard.name, file);
}
