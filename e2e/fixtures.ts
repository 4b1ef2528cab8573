import { test as base, expect, type Page } from '@playwright/test';
import { DuckDBInstance } from '@duckdb/node-api';
import { quoteString } from '../src/sql/quote';

/**
 * `page` with two guards every test gets: it fails on any request to a host that is neither the
 * app nor a data origin the test names, and on any Content-Security-Policy violation.
 */
export const test = base.extend<{ allowedOrigins: string[]; guardedPage: Page }>({
  allowedOrigins: [[], { option: true }],
  guardedPage: async ({ page, baseURL, allowedOrigins }, use) => {
    const allowed = [new URL(baseURL!).origin, ...allowedOrigins];
    const foreign: string[] = [];
    page.context().on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (!allowed.includes(new URL(url).origin)) foreign.push(url);
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await use(page);
    expect(foreign, 'requests to hosts other than the app and the data sources').toEqual([]);
    const violations = await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    );
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
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
