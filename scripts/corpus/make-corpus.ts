import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateDataset } from '../generator/generate-dataset';
import { quoteString } from '../../src/sql/quote';
import { CORPUS_CASES } from './cases';

/** The valid shard every case starts from: small, one row group per 64 rows. */
export const CORPUS_BASE = { rows: 40, shards: 1, seed: 11, rowGroupSize: 64 };
/** Bump when a case's files change, so global setup remakes the corpus. */
export const CORPUS_VERSION = 2;
const STAMP = 'corpus.json';

/** Where each case's file is, by name. */
export const corpusPath = (dir: string, name: string) => join(dir, name);

/**
 * Writes every case's files into `dir`: generates the base shard with the synthetic generator, then
 * derives each case with native DuckDB (`COPY ... TO parquet`) or byte surgery. Skipped when `dir`
 * already holds this version of the corpus.
 */
export async function makeCorpus(dir: string): Promise<{ made: boolean; files: number }> {
  const stamp = await readFile(join(dir, STAMP), 'utf8').catch(() => '');
  const files = CORPUS_CASES.flatMap((c) => c.files);
  const wanted = JSON.stringify({
    version: CORPUS_VERSION,
    base: CORPUS_BASE,
    cases: files.length,
  });
  if (stamp === wanted && files.every((f) => existsSync(join(dir, f.name))))
    return { made: false, files: files.length };

  await rm(dir, { recursive: true, force: true });
  const baseDir = join(dir, 'base');
  const { files: generated } = await generateDataset({ ...CORPUS_BASE, outDir: baseDir });
  const basePath = generated[0]!.path;
  const baseBytes = await readFile(basePath);
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    await conn.run(
      `CREATE VIEW base AS SELECT * EXCLUDE (file_row_number), file_row_number AS n
       FROM read_parquet(${quoteString(basePath)}, file_row_number = true)`,
    );
    for (const file of files) {
      const out = join(dir, file.name);
      if (file.bytes) await writeFile(out, file.bytes(baseBytes));
      else if (file.sql)
        await conn.run(
          `COPY (SELECT * EXCLUDE (n) FROM (${file.sql}) ORDER BY n)
           TO ${quoteString(out)} (FORMAT parquet, ROW_GROUP_SIZE ${CORPUS_BASE.rowGroupSize})`,
        );
      else throw new Error(`${file.name}: neither sql nor bytes`);
    }
  } finally {
    conn.closeSync();
  }
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, STAMP), wanted);
  return { made: true, files: files.length };
}
