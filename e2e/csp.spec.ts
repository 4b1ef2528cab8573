import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, nativeRowCount, formatCount, datasetStatus } from './fixtures';
import { DATA_ORIGIN, FAILING_ORIGIN, NO_RANGE_ORIGIN } from './ports';
import { E2E_DATA_DIR, e2eShardNames } from './test-data';

// No host starts allowed: this test is the user naming them (src/db/connect-policy.ts).
test.use({
  allowedOrigins: [DATA_ORIGIN, FAILING_ORIGIN, NO_RANGE_ORIGIN],
  preAllowDataHosts: false,
});

// Each load compiles DuckDB-WASM: over a minute when the shared cores are busy.
test.beforeEach(() => test.slow());
const FIRST_OPEN = { timeout: 240_000 };

/** The policy the page added at start: the last of its policies. */
const connectPolicy = (page: Page) =>
  page.locator('meta[http-equiv="Content-Security-Policy"]').last().getAttribute('content');

test('the page connects only to the hosts the user named; a new host is allowed by a reload that keeps the open dataset', async ({
  guardedPage: page,
}) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const name = e2eShardNames()[0]!;
  const status = `${formatCount(await nativeRowCount([join(E2E_DATA_DIR, name)]))} conversations`;
  const kept = `${DATA_ORIGIN}/${name}`;

  // A link names its data host: that host and the app's origin are all the page may reach.
  await page.goto(`/?data=${encodeURIComponent(kept)}`);
  await expect(datasetStatus(page)).toHaveText(status, FIRST_OPEN);
  expect(await connectPolicy(page)).toBe(`connect-src 'self' ${DATA_ORIGIN}`);
  // The fetching workers (DuckDB's, parquet-wasm's) start from blob URLs, so they inherit it.
  expect(workers.length).toBeGreaterThanOrEqual(2);
  expect(workers.filter((url) => !url.startsWith('blob:'))).toEqual([]);
  // Any other host is refused by the browser, and the refusal is reported.
  const refused = await page.evaluate(async (url) => {
    try {
      await fetch(url);
      return false;
    } catch {
      return true;
    }
  }, `${FAILING_ORIGIN}/${name}`);
  expect(refused).toBe(true);
  const violations = await page.evaluate(() =>
    (window as unknown as { __cspViolations: string[] }).__cspViolations.splice(0),
  );
  expect(violations).toEqual([`connect-src ${FAILING_ORIGIN}/${name}`]);

  // A URL on another host in the Open dialog reloads the page under a policy naming both hosts.
  // The link's dataset opens again first, so when the new host fails (it answers 500) that
  // dataset is still open.
  const dialog = page.getByRole('dialog', { name: 'Open data' });
  const openUrl = async (url: string) => {
    await page.getByRole('button', { name: 'Open data' }).click();
    await dialog.getByLabel('Parquet URLs').fill(url);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  };
  await openUrl(`${FAILING_ORIGIN}/${name}`);
  const error = page.getByRole('alert');
  await expect(error).toContainText(/failed with HTTP 500/, FIRST_OPEN);
  await expect(error).toContainText(`${kept} is still open`);
  await expect(datasetStatus(page)).toHaveText(status);
  expect(await connectPolicy(page)).toBe(`connect-src 'self' ${DATA_ORIGIN} ${FAILING_ORIGIN}`);
  expect(new URL(page.url()).searchParams.getAll('data')).toEqual([kept]);

  // The host is remembered, listed in the dialog, and can be forgotten.
  await page.getByRole('button', { name: 'Open data' }).click();
  await expect(dialog.getByRole('listitem')).toHaveText([`${FAILING_ORIGIN}Forget`]);
  await dialog.getByRole('button', { name: `Forget ${FAILING_ORIGIN}` }).click();
  await expect(dialog.getByRole('heading', { name: 'Data hosts you allowed' })).toBeHidden();

  // With local files open, which a reload would lose, a new host makes the dialog ask first.
  await dialog.getByLabel('Parquet files').setInputFiles(join(E2E_DATA_DIR, name));
  await expect(dialog).toBeHidden();
  await expect(page.getByText(name, { exact: true })).toBeVisible();
  await openUrl(`${NO_RANGE_ORIGIN}/${name}`);
  const notice = dialog.getByRole('alert');
  await expect(notice).toContainText(`reading from ${NO_RANGE_ORIGIN} reloads it`);
  await expect(notice).toContainText('pick them again after the reload');
  await expect(notice.getByRole('button', { name: 'Allow and reload' })).toBeVisible();
  await expect(page.getByText(name, { exact: true })).toBeVisible();
});
