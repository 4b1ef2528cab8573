import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  test,
  expect as baseExpect,
  formatCount,
  nativeRowCount,
  datasetStatus,
  holdRequests,
} from './fixtures';
import { nativeSearchCount, wholeWordRe2 } from './native-search';
import { DATA_ORIGIN } from './ports';
import { E2E_DATA_DIR, e2eShardNames } from './test-data';

test.use({ allowedOrigins: [DATA_ORIGIN] });
// Opening compiles DuckDB-WASM, which takes long on two busy shared cores; nothing waits a fixed time.
test.describe.configure({ timeout: 300_000 });
const expect = baseExpect.configure({ timeout: 120_000 });

const shardPaths = () => e2eShardNames().map((n) => join(E2E_DATA_DIR, n));
/** The shards served beside their `npm run index` output: sidecar and text index. */
const indexedUrl = () =>
  `/?${e2eShardNames()
    .map((n) => `data=${encodeURIComponent(`${DATA_ORIGIN}/indexed/${n}`)}`)
    .join('&')}`;

const searchbox = (page: Page) => page.getByRole('searchbox', { name: 'Search conversations' });

/** Requests for the text index's files, by file name. */
function trackIndexReads(page: Page) {
  const files: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (request.url().startsWith(DATA_ORIGIN) && name.startsWith('text.convoscope-'))
      files.push(name);
  });
  return files;
}

/** Holds the shards' requests (not the index's) until released: a verification stays on screen. */
const holdShardReads = (page: Page) => holdRequests(page, `${DATA_ORIGIN}/indexed/*.parquet`);

async function search(
  page: Page,
  text: string,
  options: { wholeWord?: boolean; regex?: boolean; scope?: string },
) {
  await page.getByRole('checkbox', { name: 'Whole word' }).setChecked(options.wholeWord ?? false);
  await page
    .getByRole('checkbox', { name: 'Regular expression' })
    .setChecked(options.regex ?? false);
  await page.getByRole('combobox', { name: 'Search in' }).selectOption(options.scope ?? 'all');
  await searchbox(page).fill(text);
  await searchbox(page).press('Enter');
}

test('searches with the text index count what native DuckDB counts, and say when they cannot use it', async ({
  guardedPage: page,
}) => {
  const paths = shardPaths();
  const [total, theWord, ofThe, ing, digits] = await Promise.all([
    nativeRowCount(paths),
    nativeSearchCount(paths, wholeWordRe2('the'), 'user'),
    nativeSearchCount(paths, '(?i)of the'),
    nativeSearchCount(paths, '(?i)ing'),
    nativeSearchCount(paths, '(?i)\\d{2}[.]\\d'),
  ]);
  for (const n of [theWord, ofThe, ing, digits]) expect(n).toBeGreaterThan(0);
  const of = (n: number) => `${formatCount(n)} of ${formatCount(total)} conversations`;
  const indexReads = trackIndexReads(page);

  await page.goto(indexedUrl());
  await expect(datasetStatus(page)).toHaveText(`${formatCount(total)} conversations`);

  // A whole word alone: counted from its list in user messages, then snippets shown.
  await search(page, 'The', { wholeWord: true, scope: 'user' });
  await expect(datasetStatus(page)).toHaveText(of(theWord));
  await expect(page.getByText(`${formatCount(theWord)} conversations match.`)).toBeVisible();
  const hits = page.getByRole('region', { name: 'First search hits' }).getByRole('button');
  await expect(hits.first().locator('mark')).toHaveText(/^the$/i);
  await expect(page.getByText(/without the index/)).toHaveCount(0);
  expect(indexReads).toEqual(
    expect.arrayContaining([
      'text.convoscope-dir',
      'text.convoscope-vocab',
      'text.convoscope-postings',
    ]),
  );

  // A phrase: the index narrows it, the candidates are verified. With the shards' reads held,
  // the progress shows the most that can match.
  const release = await holdShardReads(page);
  await search(page, 'Of The', {});
  await expect(page.getByText(/ found so far of at most [\d,]+ ·/)).toBeVisible();
  await release();
  await expect(datasetStatus(page)).toHaveText(of(ofThe));
  await expect(page.getByText(/without the index/)).toHaveCount(0);

  // A piece of a word: every term holding it, from the index's word list.
  await search(page, 'ING', {});
  await expect(datasetStatus(page)).toHaveText(of(ing));
  await expect(page.getByText(/without the index/)).toHaveCount(0);
  expect(indexReads).toContain('text.convoscope-words.gz');

  // No literal letters or digits: the index cannot narrow it; the scan says so, and counts.
  await search(page, '\\d{2}[.]\\d', { regex: true });
  await expect(datasetStatus(page)).toHaveText(of(digits));
  await expect(
    page.getByText('Searched without the index: the regular expression has no literal', {
      exact: false,
    }),
  ).toBeVisible();
});
