import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from '@playwright/test';
import { quoteString } from '../src/sql/quote';
import { test, expect, formatCount, nativeRowCount, datasetStatus as status } from './fixtures';

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

/** One value of native DuckDB over the sample shards (the first column of the first row). */
async function nativeValue(sql: (files: string) => string): Promise<unknown> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const files = `read_parquet([${sampleShards().map(quoteString).join(', ')}])`;
  const reader = await conn.runAndReadAll(sql(files));
  conn.closeSync();
  return reader.getRows()[0]?.[0];
}

const VICUNA = `model = 'vicuna-13b'`;
/** A message with role user whose moderation result is flagged. */
const USER_FLAGGED = `coalesce(list_bool_or(list_transform(openai_moderation,
  (m, i) -> coalesce(m.flagged, false) AND conversation[i].role = 'user')), false)`;

const filters = (page: Page) => page.getByRole('region', { name: 'Filters' });
const grid = (page: Page) => page.getByRole('grid', { name: 'Conversations' });

// Most tests here load the page two or three times; on a busy shared 2-core machine one load has
// taken 50 s, so the 60 s default would fail tests that work.
test.describe.configure({ timeout: 300_000 });

const url = (page: Page) => new URL(page.url()).searchParams;

/** Opens the app and waits for the status line: a first load on a busy machine can take 30 s. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(status(page)).toHaveText(/conversations$/, { timeout: 90_000 });
}

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

  await open(page, '/');
  await expect(status(page)).toHaveText(all);
  const model = filters(page).getByRole('group', { name: 'Model' });
  await model.getByRole('checkbox', { name: 'vicuna-13b', exact: true }).check();
  await expect(status(page)).toHaveText(of(vicuna));
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(vicuna + 1));
  expect(new URL(page.url()).searchParams.getAll('model')).toEqual(['vicuna-13b']);

  await page.reload();
  await expect(status(page)).toHaveText(of(vicuna), { timeout: 90_000 });
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
  await open(page, '/?flagged=sometimes&model=vicuna-13b');
  const notice = page.getByRole('note', { name: 'Ignored URL parameters' });
  await expect(notice).toContainText('Ignored flagged="sometimes"');
  await expect(
    filters(page).getByRole('checkbox', { name: 'vicuna-13b', exact: true }),
  ).toBeChecked();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
});

test('a turns range from the boxes and from the histogram, with cross-filter bar counts', async ({
  guardedPage: page,
}) => {
  const [total, twoToFour, three, vicunaThree, elevenPlus] = await Promise.all([
    nativeRowCount(sampleShards()),
    nativeCount('turn BETWEEN 2 AND 4'),
    nativeCount('turn = 3'),
    nativeCount(`turn = 3 AND ${VICUNA}`),
    nativeCount('turn >= 11'),
  ]);
  expect(vicunaThree).toBeLessThan(three);
  expect(elevenPlus).toBeGreaterThan(0);
  const of = (m: number) => `${formatCount(m)} of ${formatCount(total)} conversations`;
  const bar = (label: string, n: number) =>
    `${label} turns: ${formatCount(n)} ${n === 1 ? 'conversation' : 'conversations'}`;

  await open(page, '/');
  await expect(status(page)).toHaveText(`${formatCount(total)} conversations`);
  const turns = filters(page).getByRole('group', { name: 'Turns' });
  await expect(turns.getByRole('button', { name: bar('3', three), exact: true })).toBeVisible();

  await turns.getByRole('spinbutton', { name: 'Minimum turns' }).fill('2');
  await turns.getByRole('spinbutton', { name: 'Maximum turns' }).fill('4');
  await turns.getByRole('spinbutton', { name: 'Maximum turns' }).press('Enter');
  await expect(status(page)).toHaveText(of(twoToFour));
  expect(url(page).get('turns')).toBe('2-4');
  // The histogram ignores its own range: the bar for 3 turns keeps its count.
  await expect(turns.getByRole('button', { name: bar('3', three), exact: true })).toBeVisible();

  await filters(page)
    .getByRole('group', { name: 'Model' })
    .getByRole('checkbox', { name: 'vicuna-13b', exact: true })
    .check();
  await expect(
    turns.getByRole('button', { name: bar('3', vicunaThree), exact: true }),
  ).toBeVisible();
  await filters(page)
    .getByRole('group', { name: 'Model' })
    .getByRole('checkbox', { name: 'vicuna-13b', exact: true })
    .uncheck();

  await turns.getByRole('button', { name: /^11\+ turns:/ }).click();
  await expect(status(page)).toHaveText(of(elevenPlus));
  expect(url(page).get('turns')).toBe('11-');
  await expect(turns.getByRole('spinbutton', { name: 'Minimum turns' })).toHaveValue('11');
  await expect(turns.getByRole('spinbutton', { name: 'Maximum turns' })).toHaveValue('');

  await turns.getByRole('spinbutton', { name: 'Maximum turns' }).fill('5');
  await turns.getByRole('spinbutton', { name: 'Maximum turns' }).press('Enter');
  await expect(turns.getByText('Minimum turns must not be above maximum turns.')).toBeVisible();
  await expect(status(page)).toHaveText(of(elevenPlus));
  expect(url(page).get('turns')).toBe('11-');

  await page.reload();
  await expect(status(page)).toHaveText(/conversations$/, { timeout: 90_000 });
  await expect(status(page)).toHaveText(of(elevenPlus));
  await expect(turns.getByRole('spinbutton', { name: 'Minimum turns' })).toHaveValue('11');
  await expect(turns.getByRole('button', { name: /^11\+ turns:/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('a minimum score typed as 1e-4 and the Redacted facet, kept by a reload', async ({
  guardedPage: page,
}) => {
  const maxSexual = `list_max(list_transform(openai_moderation, m -> m.category_scores.sexual))`;
  const [total, sexualAbove, sexualAboveRedacted, sexualAboveNotRedacted] = await Promise.all([
    nativeRowCount(sampleShards()),
    nativeCount(`${maxSexual} >= 0.0001`),
    nativeCount(`${maxSexual} >= 0.0001 AND redacted IS TRUE`),
    nativeCount(`${maxSexual} >= 0.0001 AND redacted IS FALSE`),
  ]);
  expect(sexualAbove).toBeLessThan(total);
  expect(sexualAboveRedacted).toBeGreaterThan(0);
  expect(sexualAboveNotRedacted).toBeGreaterThan(0);
  const of = (m: number) => `${formatCount(m)} of ${formatCount(total)} conversations`;

  await open(page, '/');
  await expect(status(page)).toHaveText(`${formatCount(total)} conversations`);
  const moderation = filters(page).getByRole('group', { name: 'Moderation' });
  const disclosure = moderation.getByRole('button', { name: 'Minimum scores' });
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await expect(moderation.getByRole('textbox', { name: 'Minimum sexual score' })).toBeHidden();
  await disclosure.click();
  const sexual = moderation.getByRole('textbox', { name: 'Minimum sexual score' });
  await sexual.fill('1e-4x');
  await sexual.press('Enter');
  await expect(
    moderation.getByText('Enter a score from 0 to 1, like 0.8, .25 or 1e-4.'),
  ).toBeVisible();
  expect(url(page).has('min.sexual')).toBe(false);
  await sexual.fill('1e-4');
  await sexual.press('Enter');
  await expect(status(page)).toHaveText(of(sexualAbove));
  expect(url(page).get('min.sexual')).toBe('0.0001');
  await expect(
    moderation.getByRole('slider', { name: 'Minimum self-harm/intent score' }),
  ).toBeVisible();

  const redacted = filters(page).getByRole('group', { name: 'Redacted' });
  const redactedBox = redacted.getByRole('checkbox', { name: 'Redacted', exact: true });
  const notRedactedBox = redacted.getByRole('checkbox', { name: 'Not redacted', exact: true });
  // Cross-filter: the Redacted counts follow the minimum score.
  await expect(redacted.getByRole('listitem')).toHaveText([
    `Redacted${formatCount(sexualAboveRedacted)}`,
    `Not redacted${formatCount(sexualAboveNotRedacted)}`,
  ]);
  await redactedBox.check();
  await expect(status(page)).toHaveText(of(sexualAboveRedacted));
  expect(url(page).get('redacted')).toBe('true');

  await page.reload();
  await expect(status(page)).toHaveText(of(sexualAboveRedacted), { timeout: 90_000 });
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  await expect(sexual).toHaveValue('0.0001');
  await expect(redactedBox).toBeChecked();

  await notRedactedBox.check();
  await expect(status(page)).toHaveText(of(sexualAboveNotRedacted));
  await expect(redactedBox).not.toBeChecked();
  await notRedactedBox.uncheck();
  await expect(status(page)).toHaveText(of(sexualAbove));
  expect(url(page).has('redacted')).toBe(false);
});

test('find in a facet narrows its options and keeps the selected ones', async ({
  guardedPage: page,
}) => {
  const vicunaModels = (await nativeValue(
    (files) => `SELECT count(DISTINCT model)::INTEGER FROM ${files} WHERE model ILIKE '%vicuna%'`,
  )) as number;
  expect(vicunaModels).toBeGreaterThan(1);

  await open(page, '/?model=gpt-4');
  const model = filters(page).getByRole('group', { name: 'Model' });
  await expect(model.getByRole('checkbox', { name: 'gpt-4', exact: true })).toBeChecked();
  await model.getByRole('textbox', { name: 'Find model' }).fill('VICUNA');
  await expect(model.getByRole('checkbox')).toHaveCount(vicunaModels + 1);
  for (const name of await model
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((b) => b.closest('label')?.textContent ?? '')))
    expect(name === 'gpt-4' || name.toLowerCase().includes('vicuna')).toBe(true);
  await expect(model.getByRole('checkbox', { name: 'gpt-4', exact: true })).toBeChecked();
  // Unselected, gpt-4 no longer matches the find box and leaves the list (so click, not uncheck).
  await model.getByRole('checkbox', { name: 'gpt-4', exact: true }).click();
  await expect(model.getByRole('checkbox', { name: 'gpt-4', exact: true })).toBeHidden();
  await expect(model.getByRole('checkbox')).toHaveCount(vicunaModels);

  const language = filters(page).getByRole('group', { name: 'Language' });
  await language.getByRole('textbox', { name: 'Find language' }).fill('portu');
  await expect(language.getByRole('checkbox')).toHaveCount(1);
  await expect(language.getByRole('checkbox', { name: 'Portuguese', exact: true })).toBeVisible();
  await language.getByRole('textbox', { name: 'Find language' }).fill('');
  await language.getByRole('button', { name: /^Show all/ }).click();
  await expect(language.getByRole('checkbox', { name: 'English', exact: true })).toBeVisible();
});

test('a conversation id or its short prefix selects the conversation', async ({
  guardedPage: page,
}) => {
  const id = String(
    await nativeValue(
      (files) => `SELECT conversation_id FROM ${files} ORDER BY conversation_id LIMIT 1 OFFSET 17`,
    ),
  );
  await open(page, '/');
  const lookup = filters(page).getByRole('textbox', { name: 'Conversation id' });
  await lookup.fill(id.slice(0, 8));
  await filters(page).getByRole('button', { name: 'Go', exact: true }).click();
  await expect.poll(() => url(page).get('c')).toBe(id);

  await lookup.fill("zz'; DROP TABLE conversations; --");
  await lookup.press('Enter');
  await expect(filters(page).getByText(/No conversation id is or starts with/)).toBeVisible();
  expect(url(page).get('c')).toBe(id);
  await expect(status(page)).toHaveText(/^[\d,]+ conversations$/);
});

test('chips list the active filters and remove them one by one', async ({ guardedPage: page }) => {
  const [total, vicuna] = await Promise.all([nativeRowCount(sampleShards()), nativeCount(VICUNA)]);
  await open(page, '/?model=vicuna-13b&model=gpt-4&turns=2-4');
  const chips = page.getByRole('region', { name: 'Current selection' });
  await expect(chips.getByRole('listitem')).toHaveText([
    'Model: vicuna-13b×',
    'Model: gpt-4×',
    'Turns: 2 to 4×',
  ]);
  await chips.getByRole('button', { name: 'Remove Turns: 2 to 4' }).click();
  await chips.getByRole('button', { name: 'Remove Model: gpt-4' }).click();
  await expect(status(page)).toHaveText(
    `${formatCount(vicuna)} of ${formatCount(total)} conversations`,
  );
  expect(url(page).getAll('model')).toEqual(['vicuna-13b']);
  expect(url(page).has('turns')).toBe(false);
  await page.reload();
  await expect(status(page)).toHaveText(/conversations$/, { timeout: 90_000 });
  await expect(chips.getByRole('listitem')).toHaveText(['Model: vicuna-13b×']);
  await chips.getByRole('button', { name: 'Clear all' }).click();
  await expect(chips).toBeHidden();
  await expect(status(page)).toHaveText(`${formatCount(total)} conversations`);
});
