import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, nativeRowCount, formatCount, datasetStatus } from './fixtures';
import {
  CUTTING_ORIGIN,
  DATA_ORIGIN,
  FAILING_ORIGIN,
  NO_CORS_ORIGIN,
  NO_RANGE_ORIGIN,
  SLOW_ORIGIN,
} from './ports';
import { sampleShards } from './sample-native';
import { E2E_DATA_DIR, e2eShardNames } from './test-data';

test.use({
  allowedOrigins: [
    DATA_ORIGIN,
    NO_RANGE_ORIGIN,
    FAILING_ORIGIN,
    CUTTING_ORIGIN,
    SLOW_ORIGIN,
    NO_CORS_ORIGIN,
  ],
});

// The first open of each page compiles DuckDB-WASM: over a minute when the shared cores are busy.
test.beforeEach(() => test.slow());
const FIRST_OPEN = { timeout: 240_000 };

const statusFor = async (paths: string[]) =>
  `${formatCount(await nativeRowCount(paths))} conversations`;

async function openUrl(page: Page, url: string) {
  await page.getByRole('button', { name: 'Open data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open data' });
  await dialog.getByLabel('Parquet URLs').fill(url);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** A fresh page on the embedded sample: its status, and the status the first e2e shard shows. */
async function startOnSample(page: Page) {
  await page.goto('/');
  const sample = await statusFor(sampleShards());
  await expect(datasetStatus(page)).toHaveText(sample, FIRST_OPEN);
  const name = e2eShardNames()[0]!;
  return { sample, name, shardStatus: await statusFor([join(E2E_DATA_DIR, name)]) };
}

/**
 * "The host is back": every request to `origin` is answered by the healthy data host with the
 * shard's bytes (`name`, or the file at the same path; its Range, CORS and length headers included).
 */
async function heal(page: Page, origin: string, name?: string) {
  await page.route(`${origin}/**`, async (route) => {
    const path = name === undefined ? new URL(route.request().url()).pathname.slice(1) : name;
    try {
      const response = await route.fetch({ url: `${DATA_ORIGIN}/${path}` });
      await route.fulfill({ response });
    } catch (error) {
      // A request the page gave up on meanwhile (a probe reads the headers, then cancels) has
      // nobody left to answer; anything else is a real failure.
      if (!/disposed|aborted|closed/i.test(String(error))) throw error;
    }
  });
}

test('each network fault is named, keeps the open dataset, and Retry opens the file once the host is back', async ({
  guardedPage: page,
}) => {
  const { sample, name, shardStatus } = await startOnSample(page);
  let kept = 'Embedded sample';
  let keptStatus = sample;

  for (const [fault, origin, file, message] of [
    ['404', DATA_ORIGIN, 'missing.parquet', /was not found on 127\.0\.0\.1:\d+ \(HTTP 404\)/],
    ['500', FAILING_ORIGIN, name, /could not be fetched: 127\.0\.0\.1:\d+ failed with HTTP 500/],
    ['no Range', NO_RANGE_ORIGIN, name, /the host ignores HTTP Range requests/],
    // The server cuts after 4096 bytes; the body is read whole, so the cut fails the read.
    [
      'cut',
      CUTTING_ORIGIN,
      name,
      /the connection to 127\.0\.0\.1:\d+ was cut before its \d+ bytes of a range request/,
    ],
    [
      'CORS refusal',
      NO_CORS_ORIGIN,
      name,
      /could not be fetched from 127\.0\.0\.1:\d+: .*does not allow cross-origin requests from this page \(CORS\)/,
    ],
  ] as const) {
    await openUrl(page, `${origin}/${file}`);
    const alert = page.getByRole('alert');
    await expect(alert, fault).toContainText(message);
    await expect(alert, fault).toContainText(`${file}:`);
    await expect(alert, fault).toContainText(`${kept} is still open`);
    await expect(datasetStatus(page), fault).toHaveText(keptStatus);

    await heal(page, origin, name);
    await alert.getByRole('button', { name: 'Retry' }).click();
    // The file is the open dataset now (the header names it), with its own count.
    await expect(page.getByText(`${origin}/${file}`, { exact: true }), fault).toBeVisible();
    await expect(datasetStatus(page), fault).toHaveText(shardStatus);
    await expect(page.getByRole('alert'), fault).toHaveCount(0);
    // The same file on the next faulty host would open from this browser's cache, whose check
    // (a HEAD and the last 8 bytes) a host that cuts long bodies passes: forget it, so each fault
    // is met by a first open (the cached open of a no-Range host has its own test below).
    await page.getByRole('button', { name: 'Forget cached data' }).click();
    await expect(page.getByText(/Cached data forgotten|nothing to forget/)).toBeVisible();
    // Answers still in flight (other workers read the footer too) finish before the next fault.
    await page.unrouteAll({ behavior: 'wait' });
    kept = `${origin}/${file}`;
    keptStatus = shardStatus;
  }
});

test('a cached table still checks its host: a host without Range support is named on open, and the open dataset stays', async ({
  guardedPage: page,
}) => {
  const { name, shardStatus } = await startOnSample(page);
  await openUrl(page, `${DATA_ORIGIN}/${name}`);
  await expect(datasetStatus(page)).toHaveText(shardStatus);
  await expect(page.getByText(/^[\d.]+ (KB|MB) cached$/)).toBeVisible();

  // The same file (name, size and ETag) from a host that ignores Range: the cache holds its table.
  await openUrl(page, `${NO_RANGE_ORIGIN}/${name}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    `${name}: was sent whole instead of in parts: the host ignores HTTP Range requests, which reading parquet needs`,
  );
  await expect(alert).toContainText(`${DATA_ORIGIN}/${name} is still open`);
  await expect(datasetStatus(page)).toHaveText(shardStatus);
  await expect(page.getByText(`${DATA_ORIGIN}/${name}`, { exact: true })).toBeVisible();

  // Once the host serves ranges again, Retry opens the file from the cache.
  await heal(page, NO_RANGE_ORIGIN, name);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText(`${NO_RANGE_ORIGIN}/${name}`, { exact: true })).toBeVisible();
  await expect(datasetStatus(page)).toHaveText(shardStatus);
  await expect(page.getByText('Opened from cache')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a slow host shows moving progress, Cancel keeps the open dataset, and Open again finishes', async ({
  guardedPage: page,
}) => {
  const { sample } = await startOnSample(page);
  const names = e2eShardNames();
  await openUrl(page, names.map((n) => `${SLOW_ORIGIN}/${n}`).join('\n'));
  const progress = page.getByRole('progressbar', { name: 'Loading dataset' });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/ left/)).toBeVisible();
  // Progress moves: rows read before the whole dataset has arrived (row groups finish in turn).
  await expect(page.getByText(/[1-9][\d,]* of [\d,]+ rows/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByText('was cancelled')).toBeVisible();
  await expect(datasetStatus(page)).toHaveText(sample);

  await heal(page, SLOW_ORIGIN);
  await page.getByRole('button', { name: 'Open again' }).click();
  await expect(datasetStatus(page)).toHaveText(
    await statusFor(names.map((n) => join(E2E_DATA_DIR, n))),
  );
});
