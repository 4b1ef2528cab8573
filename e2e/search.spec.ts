import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  test,
  expect as baseExpect,
  formatCount,
  nativeRowCount,
  datasetStatus as status,
  holdRequests,
} from './fixtures';
import { DATA_ORIGIN } from './ports';
import { nativeSearchCount as nativeSearch, wholeWordRe2 } from './native-search';
import { E2E_DATA_DIR, e2eShardNames } from './test-data';

test.use({ allowedOrigins: [DATA_ORIGIN] });
// Each test opens the dataset (and may reload it) and scans its text: on two busy shared cores an
// open alone has taken over 30 s. The waits are long; nothing here waits for a fixed time.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 90_000 });

const shardPaths = () => e2eShardNames().map((n) => join(E2E_DATA_DIR, n));
const dataUrl = () =>
  `/?${e2eShardNames()
    .map((n) => `data=${encodeURIComponent(`${DATA_ORIGIN}/${n}`)}`)
    .join('&')}`;

const nativeSearchCount = (re2: string, role?: 'user' | 'assistant', model?: string) =>
  nativeSearch(shardPaths(), re2, role, model);

/** Holds every request to the data host until released: the scan then stays on screen. */
const holdData = (page: Page) => holdRequests(page, `${DATA_ORIGIN}/**`);

const MARATHON_WORD = wholeWordRe2('marathon');

const searchbox = (page: Page) => page.getByRole('searchbox', { name: 'Search conversations' });
const searching = (page: Page) => page.getByRole('progressbar', { name: 'Searching' });
const grid = (page: Page) => page.getByRole('grid', { name: 'Conversations' });

test('a search streams its first hits, then narrows the count and the list, and survives a reload', async ({
  guardedPage: page,
}) => {
  const [total, matching] = await Promise.all([
    nativeRowCount(shardPaths()),
    nativeSearchCount('(?i)lighthouse'),
  ]);
  expect(matching).toBeGreaterThan(0);
  expect(matching).toBeLessThan(total);
  const all = `${formatCount(total)} conversations`;
  const of = `${formatCount(matching)} of ${formatCount(total)} conversations`;

  await page.goto(dataUrl());
  await expect(status(page)).toHaveText(all);
  const release = await holdData(page);
  await searchbox(page).fill('LightHouse');
  await searchbox(page).press('Enter');
  await expect(searching(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel search' })).toBeVisible();
  // While the scan runs, the rest of the app shows the unsearched state.
  await expect(status(page)).toHaveText(all);
  expect(new URL(page.url()).searchParams.get('q')).toBe('LightHouse');
  await release();

  const hits = page.getByRole('region', { name: 'First search hits' }).getByRole('button');
  await expect(hits.first()).toBeVisible();
  await expect(hits.first().locator('mark')).toHaveText(/^lighthouse$/i);
  await expect(status(page)).toHaveText(of);
  await expect(searching(page)).toHaveCount(0);
  await expect(page.getByText(`${formatCount(matching)} conversations match.`)).toBeVisible();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(matching + 1));

  await hits.first().click();
  await expect.poll(() => new URL(page.url()).searchParams.get('c')).not.toBeNull();

  await page.reload();
  await expect(status(page)).toHaveText(of);
  await expect(searchbox(page)).toHaveValue('LightHouse');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(matching + 1));

  await searchbox(page).fill('');
  await expect(status(page)).toHaveText(all);
  expect(new URL(page.url()).searchParams.get('q')).toBeNull();
});

test('a search in user messages only, as a whole word, counts what native DuckDB counts', async ({
  guardedPage: page,
}) => {
  const [total, matching] = await Promise.all([
    nativeRowCount(shardPaths()),
    nativeSearchCount(MARATHON_WORD, 'user'),
  ]);
  expect(matching).toBeGreaterThan(0);
  await page.goto(`${dataUrl()}&q=Marathon&qscope=user&qword=1`);
  await expect(status(page)).toHaveText(
    `${formatCount(matching)} of ${formatCount(total)} conversations`,
  );
  await expect(page.getByRole('combobox', { name: 'Search in' })).toHaveValue('user');
  await expect(page.getByRole('checkbox', { name: 'Whole word' })).toBeChecked();

  // Under the completed search, facets count and narrow what native DuckDB counts (in the page,
  // from the cube of the search's hits).
  const vicuna = await nativeSearchCount(MARATHON_WORD, 'user', 'vicuna-13b');
  expect(vicuna).toBeGreaterThan(0);
  const models = page
    .getByRole('region', { name: 'Filters' })
    .getByRole('group', { name: 'Model' });
  const option = models.getByRole('checkbox', { name: 'vicuna-13b', exact: true });
  // The count beside the option (hidden from the accessibility tree, which reads the label).
  const count = option.locator('xpath=ancestor::li[1]/span[@aria-hidden="true"]');
  await expect(count).toHaveText(formatCount(vicuna));
  await option.check();
  await expect(status(page)).toHaveText(
    `${formatCount(vicuna)} of ${formatCount(total)} conversations`,
  );
});

test('Cancel stops a scan and keeps the search that was complete before', async ({
  guardedPage: page,
}) => {
  const [total, matching, anyText] = await Promise.all([
    nativeRowCount(shardPaths()),
    nativeSearchCount('(?i)lighthouse'),
    nativeSearchCount('.'),
  ]);
  const before = `${formatCount(matching)} of ${formatCount(total)} conversations`;
  await page.goto(`${dataUrl()}&q=lighthouse`);
  await expect(status(page)).toHaveText(before);

  const release = await holdData(page);
  await searchbox(page).fill('.');
  // Checking an option runs the search in the box again: a broad pattern, held back by the route.
  await page.getByRole('checkbox', { name: 'Regular expression' }).check();
  await expect(searching(page)).toBeVisible();
  expect(new URL(page.url()).searchParams.get('q')).toBe('.');
  await page.getByRole('button', { name: 'Cancel search' }).click();
  await expect(searching(page)).toHaveCount(0);
  await expect(page.getByText('Search for “.” cancelled.')).toBeVisible();
  await expect(status(page)).toHaveText(before);
  expect(new URL(page.url()).searchParams.get('q')).toBe('lighthouse');
  expect(new URL(page.url()).searchParams.get('qre')).toBeNull();
  await expect(searchbox(page)).toHaveValue('.');
  await release();

  // The search pool starts afresh: the same search submitted again completes.
  await searchbox(page).press('Enter');
  await expect(status(page)).toHaveText(
    `${formatCount(anyText)} of ${formatCount(total)} conversations`,
  );
});

test('an invalid regular expression is reported beside the box and nothing runs', async ({
  guardedPage: page,
}) => {
  await page.goto(dataUrl());
  await expect(status(page)).toContainText('conversations');
  await page.getByRole('checkbox', { name: 'Regular expression' }).check();
  await searchbox(page).fill('(unclosed');
  await searchbox(page).press('Enter');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Not a valid regular expression');
  await expect(searchbox(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(searchbox(page)).toHaveAccessibleDescription(/Not a valid regular expression/);
  await expect(searching(page)).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('q')).toBeNull();
});
