import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../lib/chromium';
import type { StaticServer } from '../serve-range';
import { MemorySampler, newChildren, ownChildren, type TreeMemory } from './process-tree';

export const BUILD_MEASURE = 'convoscope:build';
const READY_TIMEOUT_MS = 5 * 60_000;

export interface BenchBrowser {
  browser: Browser;
  version: string;
  sampler: MemorySampler;
  close(): Promise<void>;
}

export async function launchBenchBrowser(): Promise<BenchBrowser> {
  const before = await ownChildren();
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  const roots = await newChildren(before);
  if (roots.length === 0) throw new Error('cannot find the browser process to measure its memory');
  const sampler = new MemorySampler(roots);
  sampler.start();
  return {
    browser,
    version: browser.version(),
    sampler,
    async close() {
      sampler.stop();
      await browser.close();
    },
  };
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

/** A fresh context opening the app on the shards, resolved once `conversations` is built. */
export async function openBrowserSession(
  bench: BenchBrowser,
  opts: { appOrigin: string; dataUrls: readonly string[]; dataServer: StaticServer },
): Promise<BrowserSession> {
  const context = await bench.browser.newContext();
  const page = await context.newPage();
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
      peakMemory: await bench.sampler.peak(),
    };
    return { context, page, ready, problems, close: () => context.close() };
  } catch (err) {
    await context.close().catch(() => {});
    throw err;
  }
}
