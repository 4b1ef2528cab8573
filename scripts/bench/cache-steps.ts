import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  SIDECAR_FORMAT,
  SIDECAR_MANIFEST,
  SIDECAR_TABLE,
  type SidecarManifest,
} from '../../src/db/build/sidecar';
import { quoteString } from '../../src/sql/quote';
import { writeSidecar } from '../index/write-sidecar';
import type { LinkProfile } from '../lib/link-shaper';
import { startStaticServer, type StaticServer } from '../serve-range';
import { appUrl, BUILD_MEASURE, pageState, type BrowserSession } from './browser';
import type { Dataset } from './dataset';
import { onCleanup } from './harness';
import type { NativeSession } from './native';
import type { BenchStep, Sample } from './steps';

/**
 * Second opens: from the OPFS cache (reload of the page that built the table) and from an
 * `npm run index` sidecar served beside the shards. Native DuckDB reads the same sidecar into a
 * table: the closest native counterpart of loading a prepared table.
 */
/** The lines that search the dataset served with its `npm run index` output (text index). */
export const INDEXED_SEARCH_STEP_IDS = ['indexed-search-first-hits', 'indexed-search'];

export interface SidecarSetup {
  dir: string;
  tablePath: string;
  server: StaticServer;
  indexMs: number | null;
}
let sidecar: SidecarSetup | undefined;
let benchDataset: Dataset | undefined;

/** Folder beside the dataset's cache: links to the shards plus the sidecar and its manifest. */
async function ensureSidecarDir(dataset: Dataset, log: (m: string) => void) {
  const dir = join(dirname(dataset.dir), `sidecar-${basename(dataset.dir)}`);
  const manifestPath = join(dir, SIDECAR_MANIFEST);
  const current = existsSync(manifestPath)
    ? (JSON.parse(await readFile(manifestPath, 'utf8')) as SidecarManifest)
    : null;
  const fresh =
    current?.format === SIDECAR_FORMAT &&
    current.textIndex !== undefined &&
    current.shards.length === dataset.shards.length &&
    current.shards.every(
      (s, i) => s.name === dataset.shards[i]!.name && s.bytes === dataset.shards[i]!.bytes,
    );
  if (fresh) return { dir, indexMs: null };
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const shard of dataset.shards) await symlink(shard.path, join(dir, shard.name));
  log(`indexing ${dataset.shards.length} shards into ${dir}`);
  const started = performance.now();
  await writeSidecar({ shards: dataset.shards.map((s) => s.path), outDir: dir });
  return { dir, indexMs: performance.now() - started };
}

/** The folder served with the shards, sidecar and text index, once prepareCacheSteps ran. */
export function currentSidecar(): SidecarSetup {
  if (!sidecar) throw new Error('prepareCacheSteps was not called');
  return sidecar;
}

/** The dataset of this bench run, for steps that open it some other way than the session did. */
export function currentBenchDataset(): Dataset {
  if (!benchDataset) throw new Error('prepareCacheSteps was not called');
  return benchDataset;
}

/** Called by the runner before the browser runs, so indexing is not timed as a step. */
export async function prepareCacheSteps(
  dataset: Dataset,
  stepIds: readonly string[],
  log: (m: string) => void,
  network?: LinkProfile,
): Promise<void> {
  benchDataset = dataset;
  // Native reads the sidecar for both steps.
  const needed = ['sidecar-open', 'cache-open', ...INDEXED_SEARCH_STEP_IDS];
  if (!stepIds.some((id) => needed.includes(id))) return;
  const { dir, indexMs } = await ensureSidecarDir(dataset, log);
  // A data server like the shards' one, so on the same link (`--network`).
  const server = await startStaticServer({ root: dir, network });
  onCleanup(() => server.close());
  sidecar = { dir, tablePath: join(dir, SIDECAR_TABLE), server, indexMs };
}

type Measured = { duration: number; end: number; detail: Record<string, unknown> | null };

export async function waitForOpen(page: Page, origin: string): Promise<Measured> {
  const handle = await page.waitForFunction(pageState, BUILD_MEASURE, {
    timeout: 5 * 60_000,
    polling: 50,
  });
  const state = (await handle.jsonValue()) as Measured | { alert: string };
  if ('alert' in state) throw new Error(`the page shows an alert: ${state.alert}`);
  if (state.detail?.origin !== origin)
    throw new Error(`expected an open from the ${origin}, got ${String(state.detail?.origin)}`);
  const status = `${Number(state.detail.rows).toLocaleString('en-US')} conversations`;
  await page.getByText(status).first().waitFor({ timeout: 60_000 });
  // DuckDB-WASM compiles on every page load; the open waits for it, so report it beside.
  const engineStartMs = await page.evaluate(
    () => performance.getEntriesByName('convoscope:engine-start', 'measure')[0]?.duration ?? null,
  );
  return { ...state, detail: { ...state.detail, engineStartMs } };
}

export const sampleOf = (state: Measured): Sample => ({
  ms: state.duration,
  rows: Number(state.detail?.rows),
  extra: {
    loadToReadyMs: state.end,
    appBytes: Number(state.detail?.bytes),
    engineStartMs: state.detail?.engineStartMs,
  },
});

async function nativeFromSidecar(session: NativeSession): Promise<Sample> {
  const path = sidecar?.tablePath ?? join(dirname(session.dataset.dir), '?');
  if (!existsSync(path)) throw new Error(`no sidecar at ${path}: run the sidecar-open step`);
  const ms = await session.time(
    `CREATE OR REPLACE TABLE conversations_sidecar AS SELECT * FROM read_parquet(${quoteString(path)})`,
  );
  const rows = Number(await session.scalar('SELECT count(*) FROM conversations_sidecar'));
  return { ms, rows, bytes: (await stat(path)).size };
}

/**
 * Whether the OPFS cache write that follows a first open stored the table. The dataset's origin
 * line shows the cached size, or "Nothing cached" when the write stored nothing, only once the
 * write has settled; rejects when neither shows within `timeoutMs`.
 */
export async function cacheWritten(page: Page, timeoutMs: number): Promise<boolean> {
  const settled = page.getByText(/^([\d.]+ (KB|MB|GB) cached|Nothing cached)$/).first();
  await settled.waitFor({ timeout: timeoutMs });
  return (await settled.textContent()) !== 'Nothing cached';
}

export const CACHE_STEPS: BenchStep[] = [
  {
    id: 'cache-open',
    label: 'second open from the OPFS cache (reload)',
    budget: { kind: 'median-ms', max: 1000 },
    ours: async ({ page }: BrowserSession) => {
      if (!(await cacheWritten(page, 5 * 60_000)))
        throw new Error('the build stored nothing in the cache');
      await page.reload({ waitUntil: 'commit' });
      return sampleOf(await waitForOpen(page, 'cache'));
    },
    native: nativeFromSidecar,
  },
  {
    id: 'sidecar-open',
    label: 'open with the index sidecar (HTTP)',
    budget: { kind: 'median-ms', max: 1000 },
    ours: async ({ page }: BrowserSession) => {
      if (!sidecar || !benchDataset) throw new Error('prepareCacheSteps was not called');
      const context = await page.context().browser()!.newContext();
      try {
        const fresh = await context.newPage();
        const urls = benchDataset.shards.map((s) => `${sidecar!.server.origin}/${s.name}`);
        sidecar.server.stats.reset();
        await fresh.goto(appUrl(new URL(page.url()).origin, urls), { waitUntil: 'commit' });
        const sample = sampleOf(await waitForOpen(fresh, 'sidecar'));
        sample.bytes = sidecar.server.stats.bytes;
        sample.extra = {
          ...sample.extra,
          requests: sidecar.server.stats.requests,
          indexMs: sidecar.indexMs,
        };
        return sample;
      } finally {
        await context.close();
      }
    },
    native: nativeFromSidecar,
  },
];
