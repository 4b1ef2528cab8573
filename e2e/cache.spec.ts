import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DuckDBInstance } from '@duckdb/node-api';
import { quoteString } from '../src/sql/quote';
import { test, expect, nativeRowCount, formatCount, datasetStatus } from './fixtures';
import { DATA_ORIGIN } from './ports';
import { E2E_DATA_DIR, e2eShardNames } from './test-data';

test.use({ allowedOrigins: [DATA_ORIGIN] });
// Three opens in one test, each compiling DuckDB-WASM again after a reload: slow on a shared machine.
test.describe.configure({ timeout: 600_000 });
/** Opening waits for DuckDB-WASM to compile, which takes minutes when the cores are shared. */
const OPENED = { timeout: 240_000 };

const dataUrl = (folder: string, names: string[]) =>
  `/?${names.map((n) => `data=${encodeURIComponent(`${DATA_ORIGIN}/${folder}${n}`)}`).join('&')}`;

/**
 * Range requests for the shards themselves (not HEADs, not the sidecar) since the last reset, as
 * `path range`; the requests for a shard's last 8 bytes (the host check, src/db/probe-url.ts) are
 * kept apart.
 */
function trackShardReads(page: Page, names: string[]) {
  const reads: string[] = [];
  const tailChecks: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (!request.url().startsWith(DATA_ORIGIN) || request.method() !== 'GET') return;
    if (!names.some((n) => path.endsWith(`/${n}`))) return;
    const range = request.headers()['range'];
    if (range === 'bytes=-8') tailChecks.push(path);
    else reads.push(`${path} ${range}`);
  });
  return { reads, tailChecks };
}

/**
 * The reads the list's "First prompt" previews make once a table is shown: the first shard's
 * footer (a suffix range no longer than the footer) and the `conversation` leaves of its first
 * row group, where the rows in view are. A build would read other leaves of every row group.
 */
async function previewReads(reads: string[], firstShard: string): Promise<string[]> {
  const path = join(E2E_DATA_DIR, firstShard);
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const chunkStart = 'coalesce(dictionary_page_offset, data_page_offset)';
  const chunkEnd = `${chunkStart} + total_compressed_size`;
  const previewed = `FILTER (WHERE row_group_id = 0 AND path_in_schema LIKE 'conversation,%')`;
  const reader = await conn.runAndReadAll(
    `SELECT min(${chunkStart}) ${previewed}::INTEGER AS start,
            max(${chunkEnd}) ${previewed}::INTEGER AS stop,
            max(${chunkEnd})::INTEGER AS data_end
     FROM parquet_metadata(${quoteString(path)})`,
  );
  conn.closeSync();
  const { start, stop, data_end } = reader.getRowObjectsJS()[0] as Record<string, number>;
  const footer = statSync(path).size - data_end!;
  return reads.filter((read) => {
    const [at, range] = read.split(' ');
    if (!at!.endsWith(`/${firstShard}`)) return false;
    const suffix = /^bytes=-(\d+)$/.exec(range!);
    if (suffix) return Number(suffix[1]) <= footer;
    const span = /^bytes=(\d+)-(\d+)$/.exec(range!);
    return span !== null && Number(span[1]) >= start! && Number(span[2]) < stop!;
  });
}

/** Waits for the first row's "First prompt" preview, so that its reads are in before a check. */
async function firstPreviewShown(page: Page) {
  const first = page
    .getByRole('grid', { name: 'Conversations' })
    .locator('[role="row"][aria-rowindex="2"]');
  await expect(first.getByRole('gridcell').nth(7)).not.toHaveText('…');
}

/** Messages of one conversation, as native DuckDB reads them from the original shards. */
async function nativeMessageCount(id: string): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const files = `[${e2eShardNames()
    .map((n) => quoteString(join(E2E_DATA_DIR, n)))
    .join(', ')}]`;
  const reader = await conn.runAndReadAll(
    `SELECT len(conversation)::INTEGER AS n FROM read_parquet(${files})
     WHERE conversation_id = ${quoteString(id)}`,
  );
  conn.closeSync();
  return Number(reader.getRowObjects()[0]!.n);
}

/** Opens the first conversation of the list and checks its messages against the shards. */
async function expectFirstConversationReadable(page: Page) {
  const first = page
    .getByRole('grid', { name: 'Conversations' })
    .locator('[role="row"][aria-rowindex="2"][aria-selected]');
  const id = (await first.getByRole('gridcell').nth(1).getAttribute('title'))!;
  await first.click();
  const viewer = page.getByRole('region', { name: 'Conversation' });
  await expect(viewer.getByRole('heading', { name: id })).toBeVisible();
  await expect(viewer.getByRole('article')).toHaveCount(await nativeMessageCount(id));
}

test('a second open of the same shards comes from the cache; forgetting it builds again', async ({
  guardedPage: page,
}) => {
  const names = e2eShardNames();
  const expected = `${formatCount(await nativeRowCount(names.map((n) => join(E2E_DATA_DIR, n))))} conversations`;
  const { reads, tailChecks } = trackShardReads(page, names);

  await page.goto(dataUrl('', names));
  await expect(datasetStatus(page)).toHaveText(expected, OPENED);
  await expect(page.getByText('Opened from cache')).toHaveCount(0);
  expect(reads.length).toBeGreaterThan(0);
  // The table is written once it is ready; the size shows when the write is done.
  await expect(page.getByText(/^[\d.]+ (KB|MB) cached$/)).toBeVisible();

  reads.length = 0;
  tailChecks.length = 0;
  await page.reload();
  await expect(datasetStatus(page)).toHaveText(expected, OPENED);
  await expect(page.getByText('Opened from cache')).toBeVisible();
  // Only the previews of the rows in view read the shards.
  await firstPreviewShown(page);
  // The workers' requests reach the test through their own channel: they may trail the page.
  await expect.poll(() => reads.length).toBeGreaterThan(0);
  expect(reads, 'shard reads while opening from the cache').toEqual(
    await previewReads(reads, names[0]!),
  );
  // Each host's check: 8 bytes per shard, so a host without Range support is named on open (a
  // preview's footer read starts with the same 8 bytes).
  expect([...new Set(tailChecks)].sort()).toEqual(names.map((n) => `/${n}`).sort());
  // Locators still lead to the right rows of the shards.
  await expectFirstConversationReadable(page);

  await page.getByRole('button', { name: 'Forget cached data' }).click();
  await expect(page.getByText('Cached data forgotten.')).toBeVisible();
  await expect(page.getByText('Nothing cached')).toBeVisible();

  reads.length = 0;
  await page.reload();
  await expect(datasetStatus(page)).toHaveText(expected, OPENED);
  await expect(page.getByText('Opened from cache')).toHaveCount(0);
  expect(reads.length).toBeGreaterThan(0);
});

test('an index sidecar beside the shards is used instead of building', async ({
  guardedPage: page,
}) => {
  const names = e2eShardNames();
  const expected = `${formatCount(await nativeRowCount(names.map((n) => join(E2E_DATA_DIR, n))))} conversations`;
  const { reads } = trackShardReads(page, names);

  await page.goto(dataUrl('indexed/', names));
  await expect(datasetStatus(page)).toHaveText(expected, OPENED);
  await expect(page.getByText('Opened from the index beside the shards')).toBeVisible();
  await firstPreviewShown(page);
  // The workers' requests reach the test through their own channel: they may trail the page.
  await expect.poll(() => reads.length).toBeGreaterThan(0);
  expect(reads, 'shard reads while opening from the sidecar').toEqual(
    await previewReads(reads, names[0]!),
  );
  await expectFirstConversationReadable(page);
});

test('an index whose shards have changed is ignored with a note', async ({ guardedPage: page }) => {
  const names = e2eShardNames();
  const expected = `${formatCount(await nativeRowCount(names.map((n) => join(E2E_DATA_DIR, n))))} conversations`;

  await page.goto(dataUrl('indexed-stale/', names));
  await expect(datasetStatus(page)).toHaveText(expected, OPENED);
  await expect(page.getByText('Opened from the index beside the shards')).toHaveCount(0);
  await expect(
    page.getByText(/The index beside the shards is out of date: .* has changed/),
  ).toBeVisible();
});
