import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, nativeRowCount, formatCount, datasetStatus } from './fixtures';
import {
  CUTTING_ORIGIN,
  DATA_ORIGIN,
  E2E_TOKEN,
  FAILING_ORIGIN,
  NO_RANGE_ORIGIN,
  REDIRECT_ORIGIN,
  SLOW_ORIGIN,
  TOKEN_ORIGIN,
} from './ports';
import { sampleShards } from './sample-native';
import { E2E_DATA_DIR, e2eShardNames } from './test-data';

test.use({
  allowedOrigins: [
    DATA_ORIGIN,
    NO_RANGE_ORIGIN,
    FAILING_ORIGIN,
    CUTTING_ORIGIN,
    TOKEN_ORIGIN,
    REDIRECT_ORIGIN,
    SLOW_ORIGIN,
  ],
});

// The first open of each page compiles DuckDB-WASM: over a minute when the shared cores are busy.
test.beforeEach(() => test.slow());
const FIRST_OPEN = { timeout: 240_000 };

const shardPaths = () => e2eShardNames().map((n) => join(E2E_DATA_DIR, n));
const statusFor = async (paths: string[]) =>
  `${formatCount(await nativeRowCount(paths))} conversations`;

/** Loads the app with the embedded sample open: the dataset every failure must leave in place. */
async function openSample(page: Page) {
  await page.goto('/');
  const status = await statusFor(sampleShards());
  await expect(datasetStatus(page)).toHaveText(status, FIRST_OPEN);
  return status;
}

async function openUrlsInDialog(page: Page, urls: string[], token?: string) {
  await page.getByRole('button', { name: 'Open data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open data' });
  await dialog.getByLabel('Parquet URLs').fill(urls.join('\n'));
  if (token !== undefined) await dialog.getByLabel(/access token/).fill(token);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog).toBeHidden();
}

const dataParams = (page: Page) => new URL(page.url()).searchParams.getAll('data');

test('local files open through the picker, with counts equal to native DuckDB', async ({
  guardedPage: page,
}) => {
  await page.goto(`/?data=${encodeURIComponent(`${DATA_ORIGIN}/${e2eShardNames()[0]}`)}`);
  await expect(datasetStatus(page)).toHaveText(
    await statusFor(shardPaths().slice(0, 1)),
    FIRST_OPEN,
  );

  const openButton = page.getByRole('button', { name: 'Open data' });
  await openButton.click();
  const dialog = page.getByRole('dialog', { name: 'Open data' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(openButton).toBeFocused();

  await openButton.click();
  await dialog.getByLabel('Parquet files').setInputFiles(shardPaths());
  await expect(dialog).toBeHidden();
  await expect(datasetStatus(page)).toHaveText(await statusFor(shardPaths()));
  await expect(page.getByText('2 local files')).toBeVisible();
  // A link cannot carry local files: `data` goes, so the link no longer claims the URL dataset.
  expect(dataParams(page)).toEqual([]);
});

/** Drags files built in the page from these bytes onto the window, as a person's drop would. */
async function dropFiles(page: Page, files: { name: string; base64: string }[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of list) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name));
    }
    return transfer;
  }, files);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop .parquet files to open them')).toBeVisible();
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByText('Drop .parquet files to open them')).toBeHidden();
}

test('local files open by drag and drop; other files are refused by name', async ({
  guardedPage: page,
}) => {
  const sample = await openSample(page);
  await dropFiles(page, [
    { name: 'train.parquet', base64: readFileSync(shardPaths()[0]!).toString('base64') },
    { name: 'notes.txt', base64: Buffer.from('not parquet').toString('base64') },
  ]);
  await expect(page.getByRole('alert')).toHaveText(/notes\.txt is not a parquet file/);
  await expect(datasetStatus(page)).toHaveText(sample);
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();

  await dropFiles(
    page,
    shardPaths().map((path, i) => ({
      name: e2eShardNames()[i]!,
      base64: readFileSync(path).toString('base64'),
    })),
  );
  await expect(datasetStatus(page)).toHaveText(await statusFor(shardPaths()));
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('URLs open through the dialog and the link reopens them', async ({ guardedPage: page }) => {
  await openSample(page);
  const urls = e2eShardNames().map((n) => `${DATA_ORIGIN}/${n}`);
  await openUrlsInDialog(page, urls);
  const status = await statusFor(shardPaths());
  await expect(datasetStatus(page)).toHaveText(status);
  expect(dataParams(page)).toEqual(urls);
  await page.reload();
  await expect(datasetStatus(page)).toHaveText(status, FIRST_OPEN);
});

// 404, 500, no Range, a cut connection and CORS: e2e/network-faults.spec.ts.
test('a host that wants a token names it, keeps the sample open, and Retry works once the host is back', async ({
  guardedPage: page,
}) => {
  const sample = await openSample(page);
  const name = e2eShardNames()[0]!;
  await openUrlsInDialog(page, [`${TOKEN_ORIGIN}/${name}`]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    /: was refused by 127\.0\.0\.1:\d+ without a valid access token \(HTTP 401\)/,
  );
  await expect(alert).toContainText(`${name}:`);
  await expect(alert).toContainText('Embedded sample is still open');
  await expect(datasetStatus(page)).toHaveText(sample);
  expect(dataParams(page)).toEqual([]);

  let down = true;
  await page.route(`${DATA_ORIGIN}/**`, (route) =>
    down ? route.fulfill({ status: 503, body: 'down' }) : route.continue(),
  );
  const urls = e2eShardNames().map((n) => `${DATA_ORIGIN}/${n}`);
  await openUrlsInDialog(page, urls);
  await expect(page.getByRole('alert')).toContainText('failed with HTTP 503');
  await expect(datasetStatus(page)).toHaveText(sample);
  down = false;
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(datasetStatus(page)).toHaveText(await statusFor(shardPaths()));
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(dataParams(page)).toEqual(urls);
});

test('hosts that want a token open with it; the token goes nowhere else, not even through a redirect', async ({
  guardedPage: page,
}) => {
  // Test-only: lets the app treat these loopback origins as Hub hosts (src/db/hub-auth.ts).
  await page.addInitScript(
    (origins) => {
      (
        window as unknown as { __convoscopeTestTokenOrigins: string[] }
      ).__convoscopeTestTokenOrigins = origins;
    },
    [TOKEN_ORIGIN, REDIRECT_ORIGIN],
  );
  const requests: { url: string; authorization?: string }[] = [];
  page.context().on('request', (request) => {
    // A request still starting as the test ends (a preview read) can no longer be asked.
    request.allHeaders().then(
      (headers) => requests.push({ url: request.url(), authorization: headers.authorization }),
      () => undefined,
    );
  });
  await openSample(page);
  const names = e2eShardNames();
  // The second shard's host demands the token too, then redirects to another origin, as the Hub
  // redirects `resolve` URLs to its CDN.
  await openUrlsInDialog(
    page,
    [`${TOKEN_ORIGIN}/${names[0]}`, `${REDIRECT_ORIGIN}/${names[1]}`],
    E2E_TOKEN,
  );
  await expect(datasetStatus(page)).toHaveText(await statusFor(shardPaths()));
  const sent = requests.filter((r) => r.authorization);
  expect(sent.map((r) => new URL(r.url).origin).sort()).toContain(TOKEN_ORIGIN);
  expect(sent.map((r) => new URL(r.url).origin)).toContain(REDIRECT_ORIGIN);
  for (const r of sent) {
    expect([TOKEN_ORIGIN, REDIRECT_ORIGIN], r.url).toContain(new URL(r.url).origin);
    expect(r.authorization).toBe(`Bearer ${E2E_TOKEN}`);
  }
  const redirected = requests.filter((r) => r.url.startsWith(`${DATA_ORIGIN}/`));
  expect(redirected.length).toBeGreaterThan(0);
  expect(redirected.filter((r) => r.authorization)).toEqual([]);

  expect(page.url()).not.toContain(E2E_TOKEN);
  expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(E2E_TOKEN);
  expect(await page.evaluate(() => document.body.innerText)).not.toContain(E2E_TOKEN);
});
