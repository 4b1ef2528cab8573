import { join } from 'node:path';
import { test, expect, nativeRowCount, formatCount, datasetStatus } from './fixtures';
import { DATA_ORIGIN, NO_RANGE_ORIGIN } from './ports';
import { E2E_DATA_DIR, MISSING_COLUMN_SHARD, e2eShardNames } from './test-data';

test.use({ allowedOrigins: [DATA_ORIGIN] });

const dataUrl = (names: string[]) =>
  `/?${names.map((n) => `data=${encodeURIComponent(`${DATA_ORIGIN}/${n}`)}`).join('&')}`;

test('?data= opens cross-origin shards and counts exactly what native DuckDB counts', async ({
  guardedPage: page,
}) => {
  const names = e2eShardNames();
  expect(names.length).toBe(2);
  const expected = await nativeRowCount(names.map((n) => join(E2E_DATA_DIR, n)));

  await page.goto(dataUrl(names));
  await expect(datasetStatus(page)).toHaveText(`${formatCount(expected)} conversations`);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a shard without a required column is refused with an alert naming file, column and type', async ({
  guardedPage: page,
}) => {
  await page.goto(dataUrl([MISSING_COLUMN_SHARD]));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(MISSING_COLUMN_SHARD);
  await expect(alert).toContainText('column "language" is missing');
  await expect(alert).toContainText('expected string');
  await expect(page.getByRole('status')).toHaveCount(0);
});

test('loading shows progress, can be cancelled, and can be started again', async ({
  guardedPage: page,
}) => {
  // Hold the data back so the loading state stays on screen long enough to act on.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`${DATA_ORIGIN}/**`, async (route) => {
    await held;
    await route.continue();
  });
  const names = e2eShardNames();
  await page.goto(dataUrl(names));
  const progress = page.getByRole('progressbar', { name: 'Loading dataset' });
  await expect(progress).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByText('Opening 2 parquet files was cancelled.')).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);

  release();
  await page.getByRole('button', { name: 'Open again' }).click();
  const expected = await nativeRowCount(names.map((n) => join(E2E_DATA_DIR, n)));
  await expect(datasetStatus(page)).toHaveText(`${formatCount(expected)} conversations`);
});

test.describe('a host without Range support', () => {
  test.use({ allowedOrigins: [NO_RANGE_ORIGIN] });

  test('is refused with an alert that says the host must support range requests', async ({
    guardedPage: page,
  }) => {
    const [name] = e2eShardNames();
    await page.goto(`/?data=${encodeURIComponent(`${NO_RANGE_ORIGIN}/${name}`)}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(name!);
    await expect(alert).toContainText('the host ignores HTTP Range requests');
  });
});
