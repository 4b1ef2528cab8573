import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SIDECAR_MANIFEST, type SidecarManifest } from '../../src/db/build/sidecar';
import type { SearchSpec } from '../../src/model/search-spec';
import { quoteString } from '../../src/sql/quote';
import { appUrl, type BrowserSession } from './browser';
import { currentBenchDataset, currentSidecar, waitForOpen } from './cache-steps';
import type { NativeSession } from './native';
import { BENCH_QUERIES, nativeMatchCondition, queryLabel, re2Pattern } from './search-queries';
import type { BenchStep, Sample } from './steps';

// The page's measures (src/db/search/search.ts).
const SEARCH_MEASURE = 'convoscope:search';
const FIRST_HITS_MEASURE = 'convoscope:search-first-hits';
const TIMEOUT_MS = 10 * 60_000;

type Query = Omit<SearchSpec, 'scope'>;
interface QueryResult {
  query: string;
  fullMs: number;
  firstHitsMs: number;
  matches: number;
  /** How the index took part: exact, verified, not used (with an index), none. */
  index: string;
  bytes: number;
}

/** One search through the search box, like a user; the page is left unsearched. */
async function searchOnce(page: Page, query: Query): Promise<Omit<QueryResult, 'bytes'>> {
  await page.evaluate(
    (names) => names.forEach((n) => performance.clearMeasures(n)),
    [SEARCH_MEASURE, FIRST_HITS_MEASURE],
  );
  await page.getByRole('checkbox', { name: 'Whole word' }).setChecked(query.wholeWord);
  await page.getByRole('checkbox', { name: 'Regular expression' }).setChecked(query.regex);
  const box = page.getByRole('searchbox', { name: 'Search conversations' });
  await box.fill(query.text);
  await box.press('Enter');
  const measured = await page
    .waitForFunction(
      (name) => {
        const m = performance.getEntriesByName(name, 'measure')[0] as
          PerformanceMeasure | undefined;
        return m && { duration: m.duration, detail: m.detail as Record<string, unknown> };
      },
      SEARCH_MEASURE,
      { timeout: TIMEOUT_MS, polling: 20 },
    )
    .then((h) => h.jsonValue() as Promise<{ duration: number; detail: Record<string, unknown> }>);
  const firstHits = await page.evaluate(
    (name) => performance.getEntriesByName(name, 'measure')[0]?.duration ?? null,
    FIRST_HITS_MEASURE,
  );
  await box.fill('');
  // Fewer than a page of hits: the first page is the whole answer.
  return {
    query: queryLabel(query),
    fullMs: measured.duration,
    firstHitsMs: firstHits ?? measured.duration,
    matches: Number(measured.detail.matches),
    index: String(measured.detail.index),
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const results = new WeakMap<object, QueryResult[]>();
const nativeResults = new WeakMap<object, { query: string; ms: number; matches: number }[]>();

/** Every query in a fresh page on the shards served beside their sidecar and text index. */
async function runQueries(session: BrowserSession): Promise<QueryResult[]> {
  const sidecar = currentSidecar();
  const dataset = currentBenchDataset();
  const context = await session.page.context().browser()!.newContext();
  try {
    const page = await context.newPage();
    const urls = dataset.shards.map((s) => `${sidecar.server.origin}/${s.name}`);
    await page.goto(appUrl(new URL(session.page.url()).origin, urls), { waitUntil: 'commit' });
    await waitForOpen(page, 'sidecar');
    const out: QueryResult[] = [];
    for (const query of BENCH_QUERIES) {
      sidecar.server.stats.reset();
      const result = await searchOnce(page, query);
      out.push({ ...result, bytes: sidecar.server.stats.bytes });
    }
    return out;
  } finally {
    await context.close();
  }
}

async function indexBytes(): Promise<{ index: number; shards: number }> {
  const { dir } = currentSidecar();
  const manifest = JSON.parse(
    await readFile(join(dir, SIDECAR_MANIFEST), 'utf8'),
  ) as SidecarManifest;
  const files = Object.values(manifest.textIndex?.files ?? {});
  const shards = await Promise.all(currentBenchDataset().shards.map((s) => stat(s.path)));
  return {
    index: files.reduce((sum, f) => sum + f.bytes, 0),
    shards: shards.reduce((sum, s) => sum + s.size, 0),
  };
}

async function nativeQueries(session: NativeSession) {
  const files = `[${session.dataset.shards.map((s) => quoteString(s.path)).join(', ')}]`;
  const out: { query: string; ms: number; matches: number }[] = [];
  for (const query of BENCH_QUERIES) {
    const started = performance.now();
    const matches = Number(
      await session.scalar(
        `SELECT count(*) FROM read_parquet(${files})
         WHERE ${nativeMatchCondition(re2Pattern(query))}`,
      ),
    );
    out.push({ query: queryLabel(query), ms: performance.now() - started, matches });
  }
  return out;
}

function summary(values: number[]) {
  return { median: percentile(values, 50), p95: percentile(values, 95) };
}

export const INDEXED_SEARCH_STEPS: BenchStep[] = [
  {
    id: 'indexed-search-first-hits',
    label: `indexed search, ${BENCH_QUERIES.length} queries: first 100 hits (median)`,
    budget: { kind: 'median-ms', max: 150 },
    ours: async (session) => {
      const found = await runQueries(session);
      results.set(session, found);
      const { median, p95 } = summary(found.map((r) => r.firstHitsMs));
      return { ms: median, extra: { p95 } };
    },
    native: async (session) => {
      const found = await nativeQueries(session);
      nativeResults.set(session, found);
      return { ms: summary(found.map((r) => r.ms)).median };
    },
  },
  {
    id: 'indexed-search',
    label: `indexed search, ${BENCH_QUERIES.length} queries: exact full count (median)`,
    budget: { kind: 'median-ms', max: 1000 },
    ours: async (session): Promise<Sample> => {
      const found = results.get(session);
      if (!found) throw new Error('the indexed-search-first-hits line did not run first');
      const { median, p95 } = summary(found.map((r) => r.fullMs));
      const sizes = await indexBytes();
      return {
        ms: median,
        bytes: summary(found.map((r) => r.bytes)).median,
        extra: { p95, ...sizes, indexShare: sizes.index / sizes.shards, queries: found },
      };
    },
    native: async (session): Promise<Sample> => {
      const found = nativeResults.get(session);
      if (!found) throw new Error('the indexed-search-first-hits line did not run first');
      const { median, p95 } = summary(found.map((r) => r.ms));
      return { ms: median, extra: { p95, queries: found } };
    },
  },
];
