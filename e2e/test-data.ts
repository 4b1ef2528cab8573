import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Shards the e2e tests open through `?data=`; made by global-setup with the generator. */
export const E2E_DATA_DIR = join(process.cwd(), '.cache', 'e2e-data');
export const E2E_DATASET = { rows: 3_000, shards: 2, seed: 7, rowGroupSize: 500 };
/** A WildChat-1M-shaped dataset (generator `--shape wildchat`), in its own folder. */
export const WILDCHAT_DIR = 'wildchat';
export const WILDCHAT_DATASET = {
  rows: 1_200,
  shards: 1,
  seed: 21,
  rowGroupSize: 400,
  shape: 'wildchat',
} as const;
/** The WildChat shard's path relative to E2E_DATA_DIR (and so its URL path on the data origin). */
export const WILDCHAT_SHARD = `${WILDCHAT_DIR}/train-00000-of-00001.parquet`;

/** The bad-input corpus (scripts/corpus/cases.ts), made by global setup. */
export const CORPUS_DIR = join(E2E_DATA_DIR, 'corpus');

/** A shard like the others but without the `language` column. */
export const MISSING_COLUMN_SHARD = 'missing-language.parquet';
/** Copies of the shards with an `npm run index` sidecar beside them (served under `indexed/`). */
export const INDEXED_DIR = join(E2E_DATA_DIR, 'indexed');
/** Copies of the shards beside a manifest that lists other sizes (served under `indexed-stale/`). */
export const STALE_INDEX_DIR = join(E2E_DATA_DIR, 'indexed-stale');

export function e2eShardNames(): string[] {
  const manifest = JSON.parse(readFileSync(join(E2E_DATA_DIR, 'manifest.json'), 'utf8')) as {
    files: { name: string }[];
  };
  return manifest.files.map((f) => f.name);
}

export function e2eDataReady(): boolean {
  return existsSync(join(E2E_DATA_DIR, MISSING_COLUMN_SHARD));
}
