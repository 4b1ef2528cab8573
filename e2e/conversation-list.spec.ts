import type { Page } from '@playwright/test';
import { CATEGORY_NAMES } from '../src/model/moderation';
import { quoteString } from '../src/sql/quote';
import { test, expect, nativeRowCount } from './fixtures';
import { nativeRows, sampleShards } from './sample-native';

/** The last conversation in natural order: the last row of the last shard. */
async function nativeLastId(): Promise<string> {
  const last = quoteString(sampleShards().at(-1)!);
  const [row] = await nativeRows(
    `SELECT conversation_id FROM read_parquet(${last}, file_row_number = true)
     ORDER BY file_row_number DESC LIMIT 1`,
  );
  return row!.conversation_id as string;
}

/** The highest moderation score of any message, and the conversations that reach it. */
async function nativeHighestScore(): Promise<{ score: number; ids: string[] }> {
  const files = `[${sampleShards().map(quoteString).join(', ')}]`;
  const scores = CATEGORY_NAMES.map((name) => `m.category_scores[${quoteString(name)}]`);
  const rows = await nativeRows(
    `WITH messages AS (
       SELECT conversation_id, unnest(openai_moderation) AS m FROM read_parquet(${files})),
     scored AS (SELECT conversation_id, list_max([${scores.join(', ')}]) AS s FROM messages)
     SELECT conversation_id, s FROM scored WHERE s = (SELECT max(s) FROM scored)`,
  );
  return { score: rows[0]!.s as number, ids: rows.map((r) => r.conversation_id as string) };
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Conversations' });
/** The row at 0-based list position `index` (ARIA row 1 is the header). */
const rowAt = (page: Page, index: number) =>
  grid(page).locator(`[role="row"][aria-rowindex="${index + 2}"]`);
const idOf = (page: Page, index: number) =>
  rowAt(page, index).getByRole('gridcell').nth(1).getAttribute('title');
const focusedRow = (page: Page) => grid(page).locator('[role="row"]:focus');

test('the grid counts every conversation and scrolls to the last one', async ({
  guardedPage: page,
}) => {
  const [count, lastId] = await Promise.all([nativeRowCount(sampleShards()), nativeLastId()]);
  await page.goto('/');
  // The header is row 1, so the grid has count + 1 rows.
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(count + 1));
  await expect(rowAt(page, 0).getByRole('gridcell').first()).toHaveText('1');
  // Only a window of rows is in the DOM, not all of them.
  expect(await grid(page).getByRole('row').count()).toBeLessThan(100);

  await grid(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = rowAt(page, count - 1);
  await expect(last).toBeInViewport();
  await expect(last.getByRole('gridcell').nth(1)).toHaveAttribute('title', lastId);
});

test('arrows, j/k and Home/End move the focus; Enter selects into the URL', async ({
  guardedPage: page,
}) => {
  const count = await nativeRowCount(sampleShards());
  await page.goto('/?sort=turn.desc');
  await rowAt(page, 0).getByRole('gridcell').nth(1).click();
  await expect(focusedRow(page)).toHaveAttribute('aria-rowindex', '2');

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(focusedRow(page)).toHaveAttribute('aria-rowindex', '5');
  await page.keyboard.press('k');
  await page.keyboard.press('ArrowUp');
  await expect(focusedRow(page)).toHaveAttribute('aria-rowindex', '3');

  await page.keyboard.press('End');
  await expect(focusedRow(page)).toHaveAttribute('aria-rowindex', String(count + 1));
  await expect(focusedRow(page)).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(focusedRow(page)).toHaveAttribute('aria-rowindex', '2');

  await page.keyboard.press('ArrowDown');
  const id = await idOf(page, 1);
  await page.keyboard.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('c')).toBe(id);
  // Other params stay as they were.
  expect(new URL(page.url()).searchParams.get('sort')).toBe('turn.desc');
  await expect(rowAt(page, 1)).toHaveAttribute('aria-selected', 'true');
  await expect(rowAt(page, 0)).toHaveAttribute('aria-selected', 'false');
});

test('sorting by max score puts the highest score first, and the sort is in the URL', async ({
  guardedPage: page,
}) => {
  const highest = await nativeHighestScore();
  await page.goto('/');
  const header = page.getByRole('columnheader', { name: 'Max score' });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('max_score.desc');

  const first = rowAt(page, 0);
  await expect(first.getByRole('gridcell').nth(6)).toHaveText(highest.score.toFixed(3));
  expect(highest.ids).toContain(await idOf(page, 0));

  // Back returns to the natural order.
  await page.goBack();
  await expect(header).not.toHaveAttribute('aria-sort');
  await expect(first.getByRole('gridcell').first()).toHaveText('1');
});

test('an invalid sort in the URL falls back to the natural order', async ({
  guardedPage: page,
}) => {
  await page.goto('/?sort=conversation_id;drop.desc');
  await expect(rowAt(page, 0).getByRole('gridcell').first()).toHaveText('1');
  await expect(page.getByRole('columnheader', { name: 'Row' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
});

test('rows in view show their first user prompt, read lazily', async ({ guardedPage: page }) => {
  const shard = quoteString(sampleShards()[0]!);
  const rows = await nativeRows(
    `SELECT file_row_number AS n, list_filter(conversation, m -> m.role = 'user')[1].content AS first
     FROM read_parquet(${shard}, file_row_number = true) WHERE file_row_number < 3 ORDER BY n`,
  );
  await page.goto('/');
  for (const [i, row] of rows.entries()) {
    const start = (row.first as string).replace(/\s+/g, ' ').trim().slice(0, 40);
    await expect(rowAt(page, i).getByRole('gridcell').nth(7)).toContainText(start);
  }
  // Rows far below were never in view, so their previews were never read.
  await grid(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const count = await nativeRowCount(sampleShards());
  await expect(
    rowAt(page, count - 1)
      .getByRole('gridcell')
      .nth(7),
  ).not.toHaveText('…');
});
