import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { GENERATOR_VERSION, generateDataset } from '../scripts/generator/generate-dataset';
import { writeSidecar } from '../scripts/index/write-sidecar';
import { makeCorpus } from '../scripts/corpus/make-corpus';
import { startStaticServer } from '../scripts/serve-range';
import {
  SIDECAR_FORMAT,
  SIDECAR_MANIFEST,
  SIDECAR_TABLE,
  type SidecarManifest,
} from '../src/db/build/sidecar';
import { TEXT_INDEX_FORMAT } from '../src/db/text-index/format';
import { quoteString } from '../src/sql/quote';
import {
  CUT_AFTER_BYTES,
  CUTTING_PORT,
  DATA_ORIGIN,
  DATA_PORT,
  E2E_TOKEN,
  FAILING_PORT,
  NO_CORS_PORT,
  NO_RANGE_PORT,
  REDIRECT_PORT,
  SLOW_BYTES_PER_SECOND,
  SLOW_PORT,
  TOKEN_PORT,
} from './ports';
import {
  CORPUS_DIR,
  E2E_DATA_DIR,
  E2E_DATASET,
  INDEXED_DIR,
  MISSING_COLUMN_SHARD,
  STALE_INDEX_DIR,
  WILDCHAT_DATASET,
  WILDCHAT_DIR,
  e2eDataReady,
  e2eShardNames,
} from './test-data';

/**
 * Generates the test shards and the bad-input corpus once, and serves the shards from a second
 * origin with Range and CORS, and from hosts with one fault each (e2e/ports.ts).
 */
export default async function globalSetup() {
  const manifest = await readFile(join(E2E_DATA_DIR, 'manifest.json'), 'utf8')
    .then((text) => JSON.parse(text) as Record<string, unknown>)
    .catch(() => ({}) as Record<string, unknown>);
  const upToDate =
    e2eDataReady() &&
    manifest.generator === GENERATOR_VERSION &&
    manifest.seed === E2E_DATASET.seed &&
    manifest.rows === E2E_DATASET.rows &&
    manifest.rowGroupSize === E2E_DATASET.rowGroupSize;
  if (!upToDate) {
    const { files } = await generateDataset({ ...E2E_DATASET, outDir: E2E_DATA_DIR });
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    await conn.run(
      `COPY (SELECT * EXCLUDE (language) FROM read_parquet(${quoteString(files[0]!.path)}))
       TO ${quoteString(join(E2E_DATA_DIR, MISSING_COLUMN_SHARD))} (FORMAT parquet)`,
    );
    conn.closeSync();
  }
  await ensureWildChat();
  await makeCorpus(CORPUS_DIR);
  if (!upToDate || !(await indexFormatCurrent())) await writeIndexedCopies();
  const servers = await Promise.all([
    startStaticServer({ root: E2E_DATA_DIR, port: DATA_PORT, cors: true }),
    startStaticServer({ root: E2E_DATA_DIR, port: NO_RANGE_PORT, cors: true, ranges: false }),
    startStaticServer({ root: E2E_DATA_DIR, port: FAILING_PORT, failWithStatus: 500 }),
    startStaticServer({ root: E2E_DATA_DIR, port: NO_CORS_PORT, cors: false }),
    startStaticServer({ root: E2E_DATA_DIR, port: CUTTING_PORT, cutAfterBytes: CUT_AFTER_BYTES }),
    startStaticServer({ root: E2E_DATA_DIR, port: TOKEN_PORT, requireBearer: E2E_TOKEN }),
    startStaticServer({
      root: E2E_DATA_DIR,
      port: REDIRECT_PORT,
      requireBearer: E2E_TOKEN,
      redirectTo: DATA_ORIGIN,
    }),
    startStaticServer({
      root: E2E_DATA_DIR,
      port: SLOW_PORT,
      bytesPerSecond: SLOW_BYTES_PER_SECOND,
    }),
  ]);
  return () => Promise.all(servers.map((s) => s.close()));
}

/** The WildChat-shaped shard (e2e/wildchat.spec.ts), regenerated when its parameters change. */
async function ensureWildChat() {
  const dir = join(E2E_DATA_DIR, WILDCHAT_DIR);
  const manifest = await readFile(join(dir, 'manifest.json'), 'utf8')
    .then((text) => JSON.parse(text) as Record<string, unknown>)
    .catch(() => ({}) as Record<string, unknown>);
  const upToDate =
    manifest.generator === GENERATOR_VERSION &&
    manifest.shape === WILDCHAT_DATASET.shape &&
    manifest.seed === WILDCHAT_DATASET.seed &&
    manifest.rows === WILDCHAT_DATASET.rows &&
    manifest.rowGroupSize === WILDCHAT_DATASET.rowGroupSize;
  if (!upToDate) await generateDataset({ ...WILDCHAT_DATASET, outDir: dir });
}

/**
 * Copies of the shards with an `index` sidecar beside them, and copies whose manifest no longer
 * matches them (a shard's size differs), each in its own folder of the data server.
 */
/**
 * Whether both indexed copies exist and were written in this app's sidecar format, the current
 * one with a text index of this app's format.
 */
async function indexFormatCurrent(): Promise<boolean> {
  for (const dir of [INDEXED_DIR, STALE_INDEX_DIR]) {
    const manifest = await readFile(join(dir, SIDECAR_MANIFEST), 'utf8')
      .then((text) => JSON.parse(text) as Partial<SidecarManifest>)
      .catch(() => null);
    if (manifest?.format !== SIDECAR_FORMAT) return false;
    if (dir === INDEXED_DIR && manifest.textIndex?.format !== TEXT_INDEX_FORMAT) return false;
  }
  return true;
}

async function writeIndexedCopies() {
  const names = e2eShardNames();
  for (const dir of [INDEXED_DIR, STALE_INDEX_DIR]) {
    await mkdir(dir, { recursive: true });
    for (const name of names) await copyFile(join(E2E_DATA_DIR, name), join(dir, name));
  }
  const { manifest } = await writeSidecar({
    shards: names.map((n) => join(INDEXED_DIR, n)),
    outDir: INDEXED_DIR,
  });
  await copyFile(join(INDEXED_DIR, SIDECAR_TABLE), join(STALE_INDEX_DIR, SIDECAR_TABLE));
  const stale = { ...manifest, shards: manifest.shards.map((s) => ({ ...s, bytes: s.bytes + 1 })) };
  await writeFile(join(STALE_INDEX_DIR, SIDECAR_MANIFEST), JSON.stringify(stale));
}
