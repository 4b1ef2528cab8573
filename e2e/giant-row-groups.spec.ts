import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { DATA_ORIGIN } from './ports';
import { E2E_DATASET, e2eShardNames } from './test-data';

test.use({ allowedOrigins: [DATA_ORIGIN] });

const viewer = (page: Page) => page.getByRole('region', { name: 'Conversation' });
const grid = (page: Page) => page.getByRole('grid', { name: 'Conversations' });

/** Every status text the viewer shows from now on, however briefly. */
async function recordViewerStatuses(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    new MutationObserver(() => {
      for (const s of document.querySelectorAll('section[aria-label="Conversation"] [role=status]'))
        if (seen.at(-1) !== s.textContent) seen.push(s.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
}

async function open(page: Page, row: number) {
  const target = grid(page).locator(`[role="row"][data-index="${row}"]:not([aria-busy])`);
  const id = (await target.getByRole('gridcell').nth(1).getAttribute('title'))!;
  await target.click();
  await expect(viewer(page).getByRole('heading', { name: id })).toBeVisible();
  await expect(viewer(page).getByRole('article').first()).toBeVisible();
  await expect(viewer(page).getByRole('status')).toHaveCount(0);
}

test('a giant row group is read whole once, saying so, and the next conversation in it comes from memory', async ({
  guardedPage: page,
}) => {
  // Every row group counts as giant here: the shards are small, the path is the same.
  await page.addInitScript(() => {
    (
      window as unknown as { __convoscopeTestGiantGroupBytes: number }
    ).__convoscopeTestGiantGroupBytes = 1;
  });
  const data = e2eShardNames().map((n) => `data=${encodeURIComponent(`${DATA_ORIGIN}/${n}`)}`);
  await page.goto(`/?${data.join('&')}`);
  await expect(
    page.getByText(`${E2E_DATASET.rows.toLocaleString('en-US')} conversations`),
  ).toBeVisible();
  const statuses = await recordViewerStatuses(page);

  await open(page, 3);
  expect(await statuses()).toContainEqual(
    expect.stringMatching(/^Reading row group 1 of 3, [\d.]+ (KB|MB)$/),
  );
  // The same row group again: sliced out of the kept one, nothing to say.
  const before = (await statuses()).length;
  await open(page, 7);
  expect((await statuses()).slice(before)).not.toContainEqual(
    expect.stringMatching(/^Reading row group/),
  );
});
