import { createReadStream } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { quoteString } from '../../src/sql/quote';
import { GENERATOR_VERSION, type Manifest } from '../generator/generate-dataset';
import { LAYOUTS, layoutRowGroupSize, type LayoutName } from '../generator/layouts';

export const SEED = 42;

export interface Shard {
  name: string;
  path: string;
  rows: number;
  bytes: number;
  /** Rows in all shards before this one. */
  rowOffset: number;
}

export interface Dataset {
  dir: string;
  rows: number;
  bytes: number;
  shards: Shard[];
  origin: 'cache' | 'generated' | 'data-dir';
  /** Null for --data-dir: those files are not ours. */
  layout: LayoutName | null;
}

/** The generated files of one row count and layout; the manifest also names the generator. */
export function cacheDir(repoRoot: string, rows: number, layout: LayoutName): string {
  const tag = rows === 1_000_000 ? '1m' : String(rows);
  return join(repoRoot, '.cache', 'bench', `lmsys-${tag}-${layout}`);
}

/** What a generated dataset of `rows` in `layout` is made with. */
export function generation(rows: number, layout: LayoutName) {
  const { shards, compression } = LAYOUTS[layout];
  const count = Math.min(rows, shards);
  return { shards: count, compression, rowGroupSize: layoutRowGroupSize(layout, rows, count) };
}

function withOffsets(dir: string, files: { name: string; rows: number; bytes: number }[]): Shard[] {
  let offset = 0;
  return files.map((f) => {
    const shard = { ...f, path: join(dir, f.name), rowOffset: offset };
    offset += f.rows;
    return shard;
  });
}

function toDataset(
  dir: string,
  shards: Shard[],
  origin: Dataset['origin'],
  layout: LayoutName | null,
): Dataset {
  const sum = (key: 'rows' | 'bytes') => shards.reduce((n, s) => n + s[key], 0);
  return { dir, rows: sum('rows'), bytes: sum('bytes'), shards, origin, layout };
}

async function cachedShards(
  dir: string,
  rows: number,
  layout: LayoutName,
): Promise<Shard[] | null> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
  const expected = generation(rows, layout);
  // Files of an older generator (kinder text) are never reused.
  const matches =
    manifest.generator === GENERATOR_VERSION &&
    manifest.seed === SEED &&
    manifest.rows === rows &&
    manifest.rowGroupSize === expected.rowGroupSize &&
    manifest.compression === expected.compression &&
    manifest.files.length === expected.shards &&
    manifest.files.reduce((n, f) => n + f.rows, 0) === rows;
  if (!matches) return null;
  for (const f of manifest.files) {
    const size = await stat(join(dir, f.name)).then(
      (s) => s.size,
      () => -1,
    );
    if (size !== f.bytes) return null;
  }
  return withOffsets(dir, manifest.files);
}

/** The generated dataset for `rows` in `layout`, reused from the cache when its manifest matches. */
export async function ensureDataset(
  repoRoot: string,
  rows: number,
  layout: LayoutName,
  log: (msg: string) => void,
): Promise<Dataset> {
  const dir = cacheDir(repoRoot, rows, layout);
  const cached = await cachedShards(dir, rows, layout);
  if (cached) return toDataset(dir, cached, 'cache', layout);
  log(`generating ${rows.toLocaleString('en-US')} conversations (${layout}) into ${dir} (once)`);
  const { generateDataset } = await import('../generator/generate-dataset');
  await rm(dir, { recursive: true, force: true });
  const started = performance.now();
  await generateDataset({
    rows,
    seed: SEED,
    outDir: dir,
    ...generation(rows, layout),
    onProgress: (msg) => log(`  ${msg}`),
  });
  log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const fresh = await cachedShards(dir, rows, layout);
  if (!fresh) throw new Error(`the generator did not write a matching ${dir}/manifest.json`);
  return toDataset(dir, fresh, 'generated', layout);
}

/** Any folder of LMSYS-schema parquet files, in name order; rows come from the footers. */
export async function datasetFromDir(dirArg: string): Promise<Dataset> {
  const dir = resolve(dirArg);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.parquet')).sort();
  if (names.length === 0) throw new Error(`no .parquet files in ${dir}`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const files = [];
    for (const name of names) {
      const path = join(dir, name);
      const reader = await connection.runAndReadAll(
        `SELECT num_rows::BIGINT FROM parquet_file_metadata(${quoteString(path)})`,
      );
      const rows = Number(reader.getRows()[0]?.[0]);
      files.push({ name: basename(path), rows, bytes: (await stat(path)).size });
    }
    return toDataset(dir, withOffsets(dir, files), 'data-dir', null);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Reads every shard once so neither side pays for the disk on its first run. */
export async function warmPageCache(dataset: Dataset): Promise<void> {
  for (const shard of dataset.shards) {
    await new Promise<void>((ok, fail) => {
      createReadStream(shard.path, { highWaterMark: 1 << 20 })
        .on('data', () => {})
        .on('end', ok)
        .on('error', fail);
    });
  }
}
