import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, nativeRowCount, formatCount, datasetStatus } from './fixtures';

// One test, one page load: both checks read the same freshly opened page, and the sample's open
// is most of a test's time.
test('the embedded sample opens with its exact count, under a Content-Security-Policy without unsafe-eval', async ({
  guardedPage: page,
}) => {
  const dir = join(process.cwd(), 'dist', 'sample');
  const shards = readdirSync(dir).filter((f) => f.endsWith('.parquet'));
  const expected = await nativeRowCount(shards.map((f) => join(dir, f)));

  await page.goto('/');
  // The first policy is the build's; the page adds a narrower connect-src at start (e2e/csp.spec.ts).
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .first()
    .getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain("'unsafe-eval'");
  // The policy is live: an inline script is refused.
  const inlineRan = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(inlineRan).toBe(false);
  // That refusal was reported; clear it so the fixture checks the app made no violation of its own.
  const reported = await page.evaluate(() => {
    const w = window as unknown as { __cspViolations: string[] };
    return w.__cspViolations.splice(0);
  });
  expect(reported.some((v) => v.startsWith('script-src'))).toBe(true);

  await expect(datasetStatus(page)).toHaveText(/ conversations$/);
  await expect(datasetStatus(page)).toHaveText(`${formatCount(expected)} conversations`);
  const grid = page.getByRole('grid', { name: 'Conversations' });
  // The list is virtualized: every conversation is counted, plus the header row.
  await expect(grid).toHaveAttribute('aria-rowcount', String(expected + 1));
  await expect(page.getByRole('alert')).toHaveCount(0);
});
