import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildDatasetQuery, rowIdsByGroup } from './dataset-query';
import type { Codec } from './layouts';
import { GENERATOR_VERSION, MANIFEST_NAME, type Manifest } from './manifest';
import { poolVariableStatements } from './pools';
import { planShards } from './shards';
import { sqlString } from './sql-util';
import { buildWildChatQuery } from './wildchat-sql';
import { wordStatements } from './stream-sql';

// Re-exported: callers (bench, tests) import the manifest type from here.
export { GENERATOR_VERSION, MANIFEST_NAME, type Manifest };

export interface GenerateOptions {
  rows: number;
  shards: number;
  seed: number;
  outDir: string;
  rowGroupSize?: number;
  /** Parquet codec (default ZSTD; see layouts.ts for the presets). */
  compression?: Codec;
  /** The column layout: LMSYS-Chat-1M (default) or WildChat-1M (src/db/schema-adapter.ts). */
  shape?: GeneratedShape;
  /**
   * False writes every message's `content` as '' and leaves every other column as it would be:
   * for tests that never read the text (the `conversations` table reads only the small leaves),
   * since the text is nearly all of the generator's work. The manifest then says `text: false`.
   */
  text?: boolean;
  onProgress?: (msg: string) => void;
}

export const GENERATED_SHAPES = ['lmsys', 'wildchat'] as const;
export type GeneratedShape = (typeof GENERATED_SHAPES)[number];

export interface GeneratedFile {
  name: string;
  path: string;
  rows: number;
  bytes: number;
}

export const DEFAULT_ROW_GROUP_SIZE = 10_240;

function validate(rows: number, shards: number, seed: number, rowGroupSize: number) {
  const positiveInt = (value: number) => Number.isSafeInteger(value) && value > 0;
  if (!positiveInt(rows)) throw new Error(`rows must be a positive integer, got ${rows}`);
  if (!positiveInt(shards) || shards > rows || shards > 99_999) {
    throw new Error(`shards must be an integer in [1, min(rows, 99999)], got ${shards}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new Error(`seed must be a non-negative integer, got ${seed}`);
  }
  if (!positiveInt(rowGroupSize)) {
    throw new Error(`rowGroupSize must be a positive integer, got ${rowGroupSize}`);
  }
}

const SHARD_FILE = /^train-\d{5}-of-\d{5}\.parquet$/;

/** Old shards would otherwise linger next to new ones when the shard count changes. */
async function removePreviousOutput(outDir: string) {
  await rm(join(outDir, MANIFEST_NAME), { force: true });
  for (const name of await readdir(outDir)) {
    if (SHARD_FILE.test(name)) await rm(join(outDir, name), { force: true });
  }
}

/**
 * Writes a synthetic LMSYS-Chat-1M lookalike: `shards` parquet files whose concatenation is rows
 * 0..rows-1 (row r depends only on seed and r), plus `manifest.json`. One shard at a time, so
 * memory stays bounded by a shard's row groups in flight.
 */
export async function generateDataset(
  options: GenerateOptions,
): Promise<{ files: GeneratedFile[] }> {
  const { rows, shards, seed, outDir, onProgress, shape = 'lmsys', text = true } = options;
  const buildQuery = shape === 'wildchat' ? buildWildChatQuery : buildDatasetQuery;
  const rowGroupSize = options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE;
  const compression = options.compression ?? 'zstd';
  validate(rows, shards, seed, rowGroupSize);
  await mkdir(outDir, { recursive: true });
  await removePreviousOutput(outDir);

  const scratch = await mkdtemp(join(tmpdir(), 'convoscope-gen-'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    // Keeps row r at position r - start of its shard and each source chunk within one row group.
    await connection.run('SET preserve_insertion_order = true');
    for (const statement of [...poolVariableStatements(), ...wordStatements(text)]) {
      await connection.run(statement);
    }

    const files: GeneratedFile[] = [];
    for (const plan of planShards(rows, shards)) {
      const started = performance.now();
      const path = join(outDir, plan.name);
      // Row ids staged in a parquet file of exactly-sized row groups: a parallel, chunk-aligned
      // source for the expensive generating query.
      const ids = join(scratch, `ids-${plan.index}.parquet`);
      await connection.run(
        `COPY (${rowIdsByGroup(plan.start, plan.end, rowGroupSize)}) TO ${sqlString(ids)} (FORMAT parquet, ROW_GROUP_SIZE ${rowGroupSize})`,
      );
      const query = buildQuery({ seed, rowIds: `read_parquet(${sqlString(ids)})`, text });
      await connection.run(
        `COPY (${query}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION ${compression}, ROW_GROUP_SIZE ${rowGroupSize})`,
      );
      await rm(ids, { force: true });
      const { size } = await stat(path);
      const shardRows = plan.end - plan.start;
      files.push({ name: plan.name, path, rows: shardRows, bytes: size });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      onProgress?.(`${plan.name}: ${shardRows} rows, ${size} bytes, ${seconds} s`);
    }

    const manifest: Manifest = {
      ...(shape === 'lmsys' ? {} : { shape }),
      ...(text ? {} : { text }),
      generator: GENERATOR_VERSION,
      seed,
      rows,
      rowGroupSize,
      compression,
      files: files.map(({ name, rows: n, bytes }) => ({ name, rows: n, bytes })),
    };
    await writeFile(join(outDir, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    return { files };
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(scratch, { recursive: true, force: true });
  }
}
