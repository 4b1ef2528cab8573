import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LAYOUTS } from './generator/layouts';
import { GENERATOR_VERSION, MANIFEST_NAME, type Manifest } from './generator/manifest';

/**
 * The embedded sample served from public/sample (git-ignored, regenerated when these or the
 * generator change). The e2e tests read it: its rows, seed and shards stay put. It is cut like
 * the real files (the hub layout's codec and row groups), in two files.
 */
const SAMPLE = {
  rows: 10_000,
  shards: 2,
  seed: 1,
  rowGroupSize: LAYOUTS.hub.rowGroupSize ?? 1_000,
  compression: LAYOUTS.hub.compression,
};
const OUT_DIR = join(import.meta.dirname, '..', 'public', 'sample');

async function readManifest(): Promise<Partial<Manifest> | null> {
  try {
    return JSON.parse(await readFile(join(OUT_DIR, MANIFEST_NAME), 'utf8')) as Partial<Manifest>;
  } catch {
    return null;
  }
}

async function isCurrent(manifest: Partial<Manifest> | null): Promise<boolean> {
  const matches =
    manifest !== null &&
    manifest.generator === GENERATOR_VERSION &&
    manifest.compression === SAMPLE.compression &&
    manifest.seed === SAMPLE.seed &&
    manifest.rows === SAMPLE.rows &&
    manifest.rowGroupSize === SAMPLE.rowGroupSize &&
    manifest.files?.length === SAMPLE.shards;
  if (!matches) return false;
  const sizes = await Promise.all(
    (manifest.files ?? []).map((f) =>
      stat(join(OUT_DIR, f.name)).then(
        (s) => s.size,
        () => -1,
      ),
    ),
  );
  return sizes.every((size, i) => size === manifest.files?.[i]?.bytes);
}

if (await isCurrent(await readManifest())) {
  console.log(`sample: present in ${OUT_DIR}`);
} else {
  const started = performance.now();
  console.log(`sample: generating ${SAMPLE.rows} rows into ${OUT_DIR}`);
  // Imported lazily: loading native DuckDB would slow down the common, already-present case.
  const { generateDataset } = await import('./generator/generate-dataset');
  const { files } = await generateDataset({ ...SAMPLE, outDir: OUT_DIR });
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`sample: wrote ${files.length} files, ${bytes} bytes in ${seconds} s`);
}
