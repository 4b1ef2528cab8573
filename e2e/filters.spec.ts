import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from '@playwright/test';
import { quoteString } from '../src/sql/quote';
import { test, expect, formatCount, nativeRowCount } from './fixtures';

const SAMPLE_DIR = join(process.cwd(), 'dist', 'sample');
const sampleShards = () =>
  (
    JSON.parse(readFileSync(join(SAMPLE_DIR, 'manifest.json'), 'utf8')) as {
      files: { name: string }[];
    }
  ).files.map((f) => join(SAMPLE_DIR, f.name));

/** Native DuckDB's count of sample conversations meeting `where`. */
async function nativeCount(where: string): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const files = `[${sampleShards().map(quoteString).join(', ')}]`;
  const reader = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM read_parquet(${files}) WHERE ${where}`,
  );
  conn.closeSync();
  return Number(reader.getRowObjects()[0]!.n);
}

const VICUNA = `model = 'vicuna-13b'`;
/** A message with role user whose moderation result is flagged. */
const USER_FLAGGED = `coalesce(list_bool_or(list_transform(openai_moderation,
  (m, i) -> coalesce(m.flagged, false) AND conversation[i].role = 'user')), false)`;

const status = (page: Page) => page.getByRole('status');
const filters = (page: Page) => page.getByRole('region', { name: 'Filters' });
const grid = (page: Page) => page.getByRole('grid', { name: 'Conversations' });

test('facets narrow the list, live in the URL and follow Back', async ({ guardedPage: page }) => {
  const [total, vicuna, vicunaUserFlagged] = await Promise.all([
    nativeRowCount(sampleShards()),
    nativeCount(VICUNA),
    nativeCount(`${VICUNA} AND ${USER_FLAGGED}`),
  ]);
  expect(vicuna).toBeGreaterThan(0);
  expect(vicunaUserFlagged).toBeGreaterThan(0);
  const all = `${formatCount(total)} conversations`;
  const of = (m: number) => `${formatCount(m)} of ${formatCount(total)} conversations`;

  await page.goto('/');
  await expect(status(page)).toHaveText(all);
  const model = filters(page).getByRole('group', { name: 'Model' });
  await model.getByRole('checkbox', { name: 'vicuna-13b', exact: true }).check();
  await expect(status(page)).toHaveText(of(vicuna));
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(vicuna + 1));
  expect(new URL(page.url()).searchParams.getAll('model')).toEqual(['vicuna-13b']);

  await page.reload();
  await expect(status(page)).toHaveText(of(vicuna));
  await expect(
    filters(page).getByRole('checkbox', { name: 'vicuna-13b', exact: true }),
  ).toBeChecked();

  const moderation = filters(page).getByRole('group', { name: 'Moderation' });
  await moderation.getByRole('radio', { name: 'A user message' }).check();
  await expect(status(page)).toHaveText(of(vicunaUserFlagged));
  expect(new URL(page.url()).searchParams.get('flagged')).toBe('user');

  await filters(page).getByRole('button', { name: 'Clear all' }).click();
  await expect(status(page)).toHaveText(all);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(total + 1));

  await page.goBack();
  await expect(status(page)).toHaveText(of(vicunaUserFlagged));
  await expect(moderation.getByRole('radio', { name: 'A user message' })).toBeChecked();
  await page.goBack();
  await expect(status(page)).toHaveText(of(vicuna));
});

test('invalid filter params are reported in a dismissible notice', async ({
  guardedPage: page,
}) => {
  await page.goto('/?flagged=sometimes&model=vicuna-13b');
  const notice = page.getByRole('note', { name: 'Ignored URL parameters' });
  await expect(notice).toContainText('Ignored flagged="sometimes"');
  await expect(
    filters(page).getByRole('checkbox', { name: 'vicuna-13b', exact: true }),
  ).toBeChecked();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
});
