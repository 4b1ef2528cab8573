import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../lib/chromium';
import type { RangeRequest, StaticServer } from '../serve-range';
import { onCleanup } from './harness';
import { MemorySampler, newChildren, ownChildren, type TreeMemory } from './process-tree';

export const BUILD_MEASURE = 'convoscope:build';
const READY_TIMEOUT_MS = 5 * 60_000;

export interface BenchBrowser {
  browser: Browser;
  /** The profile's own context, where the build session opens its page. */
  profile: BrowserContext;
  version: string;
  sampler: MemorySampler;
  close(): Promise<void>;
}

/**
 * A browser on a new, empty profile on disk, as a user runs it: the build's OPFS cache is written
 * to disk. Off-the-record contexts keep OPFS in memory, which put the cache itself (about 190 MB
 * at 1M rows) into the process tree's memory. Each run launches its own, so no run finds the
 * cache, HTTP cache or compiled code of the one before; steps that need another first visit open
 * off-the-record contexts on it (`browser.newContext()`).
 */
export async function launchBenchBrowser(): Promise<BenchBrowser> {
  const before = await ownChildren();
  const dir = await mkdtemp(join(tmpdir(), 'convoscope-bench-profile-'));
  // The profile holds the run's OPFS cache (about 190 MB at 1M rows): removed when the run closes
  // the browser, by the harness's cleanup on a signal, and at the latest as the process exits.
  const removeDirNow = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeDirNow);
  let profile: BrowserContext | undefined;
  let sampler: MemorySampler | undefined;
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      try {
        sampler?.stop();
        await profile?.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
        process.off('exit', removeDirNow);
      }
    })());
  onCleanup(close);
  try {
    profile = await chromium.launchPersistentContext(dir, {
      ...chromiumLaunchOptions(),
      headless: true,
      // The harness's cleanup closes the browser on these (harness.ts); Playwright's own handlers
      // would exit the process while that cleanup runs.
      handleSIGINT: false,
      handleSIGTERM: false,
    });
    const browser = profile.browser();
    const roots = await newChildren(before);
    if (!browser || roots.length === 0)
      throw new Error('cannot find the browser process to measure its memory');
    sampler = new MemorySampler(roots);
    sampler.start();
    return { browser, profile, version: browser.version(), sampler, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** What the page reported when `conversations` was built, plus what the harness saw meanwhile. */
export interface ReadyInfo {
  /** The `convoscope:build` measure. */
  buildMs: number;
  /** From navigation start to the end of the build (the measure's end on the page clock). */
  loadToReadyMs: number;
  rows: number;
  shards: number;
  /** Bytes the page says it read; `bytes` is what the data server sent. */
  appBytes: number | null;
  bytes: number;
  requests: number;
  /** The build's range requests, in the order the server saw them (the fetch-floor step). */
  ranges: RangeRequest[];
  dataOrigin: string;
  peakMemory: TreeMemory;
  /**
   * The tree through the build's OPFS cache write (the most it took, from navigation on) and once
   * the write has finished (what stays after building), where `peakMemory` is the most the build
   * itself took. The runner fills it in when the build was cached.
   */
  afterCacheWrite?: { peak: TreeMemory; settled: TreeMemory };
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  ready: ReadyInfo;
  /** Problems the page logged (errors, failed requests), for failure messages. */
  problems: string[];
  close(): Promise<void>;
}

type PageState =
  | { alert: string }
  | { duration: number; end: number; detail: Record<string, unknown> | null }
  | null;

/** Runs in the page: an alert's text, the build measure once it exists, else null. */
export function pageState(name: string): PageState {
  for (const el of document.querySelectorAll('[role="alert"]')) {
    const text = (el.textContent ?? '').trim();
    if (text) return { alert: text };
  }
  const measure = performance.getEntriesByName(name, 'measure')[0] as
    PerformanceMeasure | undefined;
  if (!measure) return null;
  const detail: unknown = measure.detail;
  return {
    duration: measure.duration,
    end: measure.startTime + measure.duration,
    detail: detail && typeof detail === 'object' ? (detail as Record<string, unknown>) : null,
  };
}

export function appUrl(appOrigin: string, dataUrls: readonly string[]): string {
  const params = dataUrls.map((u) => `data=${encodeURIComponent(u)}`).join('&');
  return `${appOrigin}/?${params}`;
}

/**
 * A page of the bench browser's profile opening the app on the shards, resolved once
 * `conversations` is built. The profile must be fresh (`launchBenchBrowser`): it is the first visit.
 */
export async function openBrowserSession(
  bench: BenchBrowser,
  opts: { appOrigin: string; dataUrls: readonly string[]; dataServer: StaticServer },
): Promise<BrowserSession> {
  const context = bench.profile;
  // The profile opens with one blank page; use it rather than keep a second renderer around.
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('requestfailed', (req) =>
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? '?'})`),
  );
  const fail = (message: string): never => {
    const tail = problems.slice(-10).join('\n  ');
    throw new Error(tail ? `${message}\n  ${tail}` : message);
  };
  try {
    opts.dataServer.stats.reset();
    bench.sampler.resetPeak();
    await page.goto(appUrl(opts.appOrigin, opts.dataUrls), { waitUntil: 'commit' });
    const handle = await page
      .waitForFunction(pageState, BUILD_MEASURE, { timeout: READY_TIMEOUT_MS, polling: 100 })
      .catch((err: unknown) => fail(`no ${BUILD_MEASURE} measure: ${String(err)}`));
    const state = (await handle.jsonValue()) as NonNullable<PageState>;
    if ('alert' in state) fail(`the page shows an alert: ${state.alert}`);
    const { duration, end, detail } = state as Exclude<NonNullable<PageState>, { alert: string }>;
    const rows = Number(detail?.rows);
    if (!Number.isFinite(rows))
      fail(`${BUILD_MEASURE} has no detail.rows: ${JSON.stringify(detail)}`);
    const status = `${rows.toLocaleString('en-US')} conversations`;
    await page
      .getByText(status)
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(() => fail(`the status "${status}" did not appear`));
    const ready: ReadyInfo = {
      buildMs: duration,
      loadToReadyMs: end,
      rows,
      shards: Number(detail?.shards),
      appBytes: detail?.bytes === undefined ? null : Number(detail.bytes),
      bytes: opts.dataServer.stats.bytes,
      requests: opts.dataServer.stats.requests,
      ranges: [...opts.dataServer.stats.ranges],
      dataOrigin: opts.dataServer.origin,
      peakMemory: await bench.sampler.peak(),
    };
    return { context, page, ready, problems, close: () => page.close() };
  } catch (err) {
    await page.close().catch(() => {});
    throw err;
  }
}
