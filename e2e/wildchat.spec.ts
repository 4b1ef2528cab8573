import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { quoteString } from '../src/sql/quote';
import { test, expect, formatCount, datasetStatus as status } from './fixtures';
import { DATA_ORIGIN } from './ports';
import { nativeRows } from './sample-native';
import { E2E_DATA_DIR, WILDCHAT_SHARD, e2eShardNames } from './test-data';

test.use({ allowedOrigins: [DATA_ORIGIN] });
// Each test opens a dataset (DuckDB-WASM start, footers, build) on a shared two-core machine.
test.beforeEach(() => test.slow());
/** The first sign that the dataset was built: generous, for the same reason. */
const OPENED = { timeout: 150_000 };

const shardFile = () => `read_parquet(${quoteString(join(E2E_DATA_DIR, WILDCHAT_SHARD))})`;
const dataParam = (path: string) => `data=${encodeURIComponent(`${DATA_ORIGIN}/${path}`)}`;
const filters = (page: Page) => page.getByRole('region', { name: 'Filters' });
const viewer = (page: Page) => page.getByRole('region', { name: 'Conversation' });

async function nativeCount(where: string): Promise<number> {
  const [row] = await nativeRows(
    `SELECT count(*)::INTEGER AS n FROM ${shardFile()} WHERE ${where}`,
  );
  return Number(row!.n);
}

test('a WildChat-1M shard opens with its count, a Country facet and a Toxic facet', async ({
  guardedPage: page,
}) => {
  const total = await nativeCount('true');
  const [top] = await nativeRows(
    `SELECT country, count(*)::INTEGER AS n FROM ${shardFile()} WHERE country IS NOT NULL
     GROUP BY ALL ORDER BY n DESC, country LIMIT 1`,
  );
  const country = top!.country as string;
  const inCountry = Number(top!.n);
  const toxicInCountry = await nativeCount(`country = ${quoteString(country)} AND toxic`);

  await page.goto(`/?${dataParam(WILDCHAT_SHARD)}`);
  await expect(status(page)).toHaveText(`${formatCount(total)} conversations`, OPENED);
  await expect(page.getByRole('alert')).toHaveCount(0);

  const countries = filters(page).getByRole('group', { name: 'Country' });
  const checkbox = countries.getByRole('checkbox', { name: country, exact: true });
  await expect(checkbox).toBeVisible();
  await checkbox.click();
  await expect(status(page)).toHaveText(
    `${formatCount(inCountry)} of ${formatCount(total)} conversations`,
  );
  await expect.poll(() => new URL(page.url()).searchParams.getAll('country')).toEqual([country]);

  await filters(page)
    .getByRole('group', { name: 'Toxic' })
    .getByRole('checkbox', { name: 'Toxic', exact: true })
    .click();
  await expect(status(page)).toHaveText(
    `${formatCount(toxicInCountry)} of ${formatCount(total)} conversations`,
  );
  await expect(page.getByRole('button', { name: `Remove Country: ${country}` })).toHaveCount(1);
});

test('a WildChat conversation, found by its conversation_hash, shows every message', async ({
  guardedPage: page,
}) => {
  const [row] = await nativeRows(
    `SELECT conversation_hash, conversation FROM ${shardFile()}
     WHERE len(conversation) >= 4 ORDER BY conversation_hash LIMIT 1`,
  );
  const id = row!.conversation_hash as string;
  const messages = row!.conversation as { role: string; content: string }[];

  await page.goto(`/?${dataParam(WILDCHAT_SHARD)}&c=${id}`);
  await expect(viewer(page).getByRole('heading', { name: id })).toBeVisible(OPENED);
  await expect(viewer(page).getByRole('article')).toHaveCount(messages.length);
  for (const [i, m] of messages.entries()) {
    const name = `${m.role === 'user' ? 'User' : 'Assistant'}, message ${i + 1}`;
    await expect(viewer(page).getByRole('article', { name, exact: true })).toBeVisible();
  }
  // The first words of the first prompt, as the file has them.
  const firstWords = messages[0]!.content.split(/\s+/).slice(0, 4).join(' ');
  await expect(viewer(page).getByRole('article', { name: 'User, message 1' })).toContainText(
    firstWords,
  );
});

test('LMSYS shards show neither the Country nor the Toxic facet', async ({ guardedPage: page }) => {
  const names = e2eShardNames();
  await page.goto(`/?${names.map(dataParam).join('&')}`);
  await expect(status(page)).toContainText('conversations', OPENED);
  await expect(filters(page).getByRole('group', { name: 'Model' })).toBeVisible();
  await expect(filters(page).getByRole('group', { name: 'Redacted' })).toBeVisible();
  await expect(filters(page).getByRole('group', { name: 'Country' })).toHaveCount(0);
  await expect(filters(page).getByRole('group', { name: 'Toxic' })).toHaveCount(0);
});

test('a WildChat shard beside an LMSYS shard is refused, naming both files and the column', async ({
  guardedPage: page,
}) => {
  const [lmsys] = e2eShardNames();
  await page.goto(`/?${dataParam(lmsys!)}&${dataParam(WILDCHAT_SHARD)}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('train-00000-of-00001.parquet', OPENED);
  await expect(alert).toContainText(lmsys!);
  await expect(alert).toContainText('column "conversation_id"');
});
