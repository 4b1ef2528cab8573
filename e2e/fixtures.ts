import { test as base, expect, type Page } from '@playwright/test';
import { DuckDBInstance } from '@duckdb/node-api';
import { quoteString } from '../src/sql/quote';

/**
 * `page` with three guards every test gets: it fails on any request to a host that is neither the
 * app nor a data origin the test names, on any Content-Security-Policy violation, and when script
 * from dataset content ran: the page has a tripwire `__xss()` that hostile test data calls (see
 * scripts/corpus/cases.ts), so any way such text gets executed is recorded.
 */
export const test = base.extend<{
  allowedOrigins: string[];
  /**
   * Whether the named data origins start as hosts the user allowed in an earlier visit, so the
   * page's narrowed `connect-src` (src/db/connect-policy.ts) lets the Open dialog reach them
   * without its allow-and-reload step; the test of that step turns it off.
   */
  preAllowDataHosts: boolean;
  guardedPage: Page;
}>({
  allowedOrigins: [[], { option: true }],
  preAllowDataHosts: [true, { option: true }],
  guardedPage: async ({ page, baseURL, allowedOrigins, preAllowDataHosts }, use) => {
    const allowed = [new URL(baseURL!).origin, ...allowedOrigins];
    const foreign: string[] = [];
    page.context().on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (!allowed.includes(new URL(url).origin)) foreign.push(url);
    });
    if (preAllowDataHosts && allowedOrigins.length > 0) {
      await page.addInitScript((origins) => {
        try {
          localStorage.setItem('convoscope:data-hosts', JSON.stringify(origins));
        } catch {
          // a frame without storage
        }
      }, allowedOrigins);
    }
    await page.addInitScript(() => {
      const w = window as unknown as {
        __cspViolations: string[];
        __xssCalls: string[];
        __xss: (what?: unknown) => void;
      };
      w.__xssCalls = [];
      // A call from a frame is recorded in the top page, where the test reads it.
      w.__xss = (what) => {
        let calls = w.__xssCalls;
        try {
          calls = (window.top as unknown as typeof w).__xssCalls ?? calls;
        } catch {
          // a cross-origin frame: keep its own record
        }
        calls.push(String(what));
      };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await use(page);
    expect(foreign, 'requests to hosts other than the app and the data sources').toEqual([]);
    const { violations, xss } = await page.evaluate(() => {
      const w = window as unknown as { __cspViolations: string[]; __xssCalls: string[] };
      return { violations: w.__cspViolations, xss: w.__xssCalls };
    });
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
    expect(xss, 'script from dataset content ran').toEqual([]);
  },
});

export { expect };

/** The reference count: native DuckDB reading the same files the browser opened. */
export async function nativeRowCount(paths: string[]): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const list = `[${paths.map(quoteString).join(', ')}]`;
  const reader = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM read_parquet(${list})`,
  );
  conn.closeSync();
  return Number(reader.getRowObjects()[0]!.n);
}

export const formatCount = (n: number) => new Intl.NumberFormat('en-US').format(n);

/**
 * The dataset's count (role=status), not the viewer's "Reading…" status that a conversation read
 * shows beside it while it loads.
 */
export const datasetStatus = (page: Page) =>
  page.getByRole('status').filter({ hasNotText: /^Reading/ });

/** Holds every request matching `url` (a glob) until released: a read stays in progress on screen. */
export async function holdRequests(page: Page, url: string) {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await held;
    // A cancelled scan's workers are gone by now; their requests cannot be continued.
    await route.continue().catch(() => undefined);
  });
  return async () => {
    release();
    await page.unroute(url);
  };
}
