import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { quoteString } from '../src/sql/quote';
import { expect, formatCount, test, datasetStatus } from './fixtures';
import { sampleShards } from './sample-native';
import { E2E_DATA_DIR } from './test-data';

/** 400,000 copies of one sample conversation: a real shard's schema, 0.3 MB on disk. */
const LARGE_ROWS = 400_000;
const LARGE_FILE = join(E2E_DATA_DIR, 'limits', 'four-hundred-thousand.parquet');

test.beforeAll(async () => {
  if (existsSync(LARGE_FILE)) return;
  mkdirSync(join(E2E_DATA_DIR, 'limits'), { recursive: true });
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(
    `COPY (SELECT s.* FROM (SELECT * FROM read_parquet(${quoteString(sampleShards()[0]!)}) LIMIT 1) s,
                          range(${LARGE_ROWS}))
     TO ${quoteString(LARGE_FILE)} (FORMAT parquet, ROW_GROUP_SIZE 100000)`,
  );
  conn.closeSync();
});

test('a dataset too large for the tab is refused from its footers, and the sample stays open', async ({
  guardedPage: page,
}) => {
  test.slow();
  // A 2 GB device, as Chromium reports it: the tab's budget is 1 GB, room for about 357,000
  // conversations. The 10,000-row sample fits; 400,000 do not.
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 2 }),
  );
  await page.goto('/');
  const status = datasetStatus(page);
  await expect(status).toHaveText('10,000 conversations', { timeout: 90_000 });

  await page.getByRole('button', { name: 'Open data' }).click();
  await page
    .getByRole('dialog', { name: 'Open data' })
    .getByLabel('Parquet files')
    .setInputFiles(LARGE_FILE);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('four-hundred-thousand.parquet', { timeout: 60_000 });
  await expect(alert).toContainText(
    `${formatCount(LARGE_ROWS)} conversations are too many for this tab: opening them would need about 1.0 GB of memory`,
  );
  await expect(alert).toContainText("this tab's budget is 1.0 GB");
  await expect(alert).toContainText('at most about 357,142 conversations');
  // Nothing of the sample was lost, and the app still answers.
  await expect(status).toHaveText('10,000 conversations');
  await expect(page.getByRole('grid', { name: 'Conversations' })).toBeVisible();
});
