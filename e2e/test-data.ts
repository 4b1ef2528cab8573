import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Shards the e2e tests open through `?data=`; made by global-setup with the generator. */
export const E2E_DATA_DIR = join(process.cwd(), '.cache', 'e2e-data');
export const E2E_DATASET = { rows: 3_000, shards: 2, seed: 7, rowGroupSize: 500 };
/** A shard like the others but without the `language` column. */
export const MISSING_COLUMN_SHARD = 'missing-language.parquet';

export function e2eShardNames(): string[] {
  const manifest = JSON.parse(readFileSync(join(E2E_DATA_DIR, 'manifest.json'), 'utf8')) as {
    files: { name: string }[];
  };
  return manifest.files.map((f) => f.name);
}

export function e2eDataReady(): boolean {
  return existsSync(join(E2E_DATA_DIR, MISSING_COLUMN_SHARD));
}
