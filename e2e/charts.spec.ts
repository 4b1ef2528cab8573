import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, formatCount, test, datasetStatus as status } from './fixtures';
import { quoteString } from '../src/sql/quote';
import { nativeRows, sampleFiles } from './sample-native';

/** Native DuckDB over the sample's shards: language counts of one model, count desc then name. */
async function nativeLanguageCounts(model: string) {
  const rows = await nativeRows(
    `SELECT language, count(*)::INTEGER AS n FROM ${sampleFiles()}
     WHERE model = ${quoteString(model)} AND language IS NOT NULL GROUP BY language ORDER BY n DESC, language`,
  );
  return rows.map((r) => ({ language: String(r.language), n: Number(r.n) }));
}

async function nativeCount(where: string) {
  const rows = await nativeRows(
    `SELECT count(*)::INTEGER AS n FROM ${sampleFiles()} WHERE ${where}`,
  );
  return Number(rows[0]!.n);
}

// The sample loads in seconds, but slowly on a loaded CI machine: wait for the first figure longer.
test.slow();
const loaded = { timeout: 180_000 };

const figure = (page: Page, caption: string) => page.getByRole('figure', { name: caption });

test('the five charts and the safety tables are shown for the selection', async ({
  guardedPage: page,
}) => {
  // Reached as a user would: from the list, by the Charts view button.
  await page.goto('/');
  const view = page.getByRole('group', { name: 'View' });
  await view.getByRole('button', { name: 'Charts' }).click();
  await expect(view.getByRole('button', { name: 'Charts' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('charts');
  for (const caption of ['Languages', 'Models', 'Moderation categories', 'Turns', 'Scores'])
    await expect(figure(page, caption)).toBeVisible(loaded);
  await expect(
    page.getByRole('table', { name: 'Flagged conversations by category' }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Attempts and successes by model' })).toBeVisible();
  await view.getByRole('button', { name: 'List' }).click();
  await expect(page.getByRole('grid', { name: 'Conversations' })).toBeVisible();
  await expect(figure(page, 'Languages')).toHaveCount(0);
});

test('the Languages table equals native counts, and a row adds its language to the filters', async ({
  guardedPage: page,
}) => {
  const model = 'vicuna-13b';
  const [languages, total] = await Promise.all([nativeLanguageCounts(model), nativeCount('TRUE')]);
  const top = languages.slice(0, 20);
  const other = languages.slice(20).reduce((sum, l) => sum + l.n, 0);
  const portuguese = languages.find((l) => l.language === 'Portuguese');
  expect(portuguese && top.includes(portuguese)).toBe(true);
  const expected = top.map((l) => [l.language, formatCount(l.n)]);
  if (other > 0) expected.push(['Other languages', formatCount(other)]);

  await page.goto(`/?view=charts&model=${model}`);
  const languagesFigure = figure(page, 'Languages');
  await expect(languagesFigure).toBeVisible(loaded);
  await languagesFigure.getByRole('button', { name: 'Show as table' }).click();
  const table = languagesFigure.getByRole('table', { name: 'Languages' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(expected.length + 1);
  const shown = await rows.evaluateAll((trs) =>
    trs.slice(1).map((tr) => [...tr.children].slice(0, 2).map((c) => c.textContent?.trim() ?? '')),
  );
  expect(shown).toEqual(expected);

  await table.getByRole('button', { name: 'Portuguese', exact: true }).click();
  await expect(page).toHaveURL(/lang=Portuguese/);
  const url = new URL(page.url());
  expect(url.searchParams.getAll('lang')).toEqual(['Portuguese']);
  expect(url.searchParams.getAll('model')).toEqual([model]);
  await expect(status(page)).toHaveText(
    `${formatCount(portuguese!.n)} of ${formatCount(total)} conversations`,
  );
});

test("arrow keys show a Turns bar's count and Enter filters to it", async ({
  guardedPage: page,
}) => {
  const [twoTurns, total] = await Promise.all([nativeCount('turn = 2'), nativeCount('TRUE')]);
  await page.goto('/?view=charts');
  const chart = figure(page, 'Turns').getByRole('application');
  await expect(chart).toBeVisible(loaded);
  await chart.focus();
  // Focus makes the first bar (1 turn) active; the arrow moves to the second.
  await page.keyboard.press('ArrowRight');
  await expect(figure(page, 'Turns').getByText('conversations (')).toContainText(
    `${formatCount(twoTurns)} conversations`,
  );
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/turns=2(&|$)/);
  await expect(status(page)).toHaveText(
    `${formatCount(twoTurns)} of ${formatCount(total)} conversations`,
  );
});

/** A message with `role` whose moderation result is flagged (as in filters.spec.ts). */
const flaggedSide = (role: string) => `coalesce(list_bool_or(list_transform(openai_moderation,
  (m, i) -> coalesce(m.flagged, false) AND conversation[i].role = '${role}')), false)`;

test('Table 4 downloads as CSV with native counts for a model', async ({ guardedPage: page }) => {
  const model = `model = 'vicuna-13b'`;
  const [conversations, attempts, successes] = await Promise.all([
    nativeCount(model),
    nativeCount(`${model} AND ${flaggedSide('user')}`),
    nativeCount(`${model} AND ${flaggedSide('assistant')}`),
  ]);
  expect(attempts).toBeGreaterThan(0);

  await page.goto('/?view=charts');
  const table = page.getByRole('table', { name: 'Attempts and successes by model' });
  await expect(table).toBeVisible(loaded);
  await expect(table.getByRole('row', { name: /^vicuna-13b / })).toHaveText(
    ['vicuna-13b', ...[conversations, attempts, successes].map(formatCount)].join(''),
  );
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV: Attempts and successes by model' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('attempts-by-model.csv');
  const lines = (await readFile((await file.path())!, 'utf8')).split('\r\n');
  expect(lines[0]).toBe(
    'Model,Conversations,With a flagged user message (attempt),With a flagged assistant message (success)',
  );
  expect(lines).toContain(`vicuna-13b,${conversations},${attempts},${successes}`);
});

/** Any message flagged for a category, over the raw shards (`name` from the closed list). */
const flaggedFor = (name: string) =>
  `coalesce(list_bool_or(list_transform(openai_moderation, m -> coalesce(m.categories.${name}, false))), false)`;
const maxScore = (name: string) =>
  `list_max(list_transform(openai_moderation, m -> m.category_scores.${name}))`;

const chips = (page: Page) =>
  page.getByRole('region', { name: 'Current selection' }).getByRole('listitem');

/** The list's grid holds one row per matching conversation plus its header row. */
async function expectListRows(page: Page, count: number) {
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'List' }).click();
  await expect(page.getByRole('grid', { name: 'Conversations' })).toHaveAttribute(
    'aria-rowcount',
    String(count + 1),
  );
}

test('a heatmap cell adds its model and category, and the list narrows to native counts', async ({
  guardedPage: page,
}) => {
  const model = `model = 'vicuna-13b'`;
  const [total, modelCount, flagged] = await Promise.all([
    nativeCount('TRUE'),
    nativeCount(model),
    nativeCount(`${model} AND ${flaggedFor('hate')}`),
  ]);
  expect(flagged).toBeGreaterThan(0);

  await page.goto('/?view=charts');
  const cell = page.getByRole('button', { name: /^vicuna-13b, hate: / });
  await expect(cell).toBeVisible(loaded);
  await expect(cell).toHaveAccessibleName(
    `vicuna-13b, hate: ${((100 * flagged) / modelCount).toFixed(1)}% (${formatCount(flagged)} of ${formatCount(modelCount)})`,
  );
  await cell.click();

  await expect(page).toHaveURL(/cat=hate/);
  const url = new URL(page.url());
  expect(url.searchParams.getAll('model')).toEqual(['vicuna-13b']);
  expect(url.searchParams.getAll('cat')).toEqual(['hate']);
  await expect(chips(page)).toHaveText(['Model: vicuna-13b×', 'Category: hate×']);
  await expect(status(page)).toHaveText(
    `${formatCount(flagged)} of ${formatCount(total)} conversations`,
  );
  await expectListRows(page, flagged);
});

test('a mouse click on a Models bar adds the model, a Turns bar narrows further, and the list follows native counts', async ({
  guardedPage: page,
}) => {
  const [total, koala, koalaTwoTurns] = await Promise.all([
    nativeCount('TRUE'),
    nativeCount(`model = 'koala-13b'`),
    nativeCount(`model = 'koala-13b' AND turn = 2`),
  ]);
  await page.goto('/?view=charts');
  const bar = figure(page, 'Models').getByRole('img', { name: /^koala-13b: / });
  await expect(bar).toBeVisible(loaded);
  await expect(bar).toHaveAccessibleName(
    `koala-13b: ${formatCount(koala)} conversations (${((100 * koala) / total).toFixed(1)}%)`,
  );
  // A real pointer: hover shows the tooltip, then a click at the bar's centre (no keyboard).
  await bar.hover();
  await expect(
    figure(page, 'Models').getByText(`${formatCount(koala)} conversations (`),
  ).toBeVisible();
  await bar.click();

  await expect(page).toHaveURL(/model=koala-13b/);
  expect(new URL(page.url()).searchParams.getAll('model')).toEqual(['koala-13b']);
  await expect(chips(page)).toHaveText(['Model: koala-13b×']);
  await expect(status(page)).toHaveText(
    `${formatCount(koala)} of ${formatCount(total)} conversations`,
  );

  // A second chart narrows further and keeps the first chart's choice.
  const chart = figure(page, 'Turns').getByRole('application');
  await chart.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/turns=2(&|$)/);
  expect(new URL(page.url()).searchParams.getAll('model')).toEqual(['koala-13b']);
  await expect(chips(page)).toHaveText(['Model: koala-13b×', 'Turns: 2×']);
  await expect(status(page)).toHaveText(
    `${formatCount(koalaTwoTurns)} of ${formatCount(total)} conversations`,
  );
  await expectListRows(page, koalaTwoTurns);
});

test("a Scores bin shows its count on hover and Enter sets the category's minimum score", async ({
  guardedPage: page,
}) => {
  const score = maxScore('harassment');
  const [total, inBin, atLeast] = await Promise.all([
    nativeCount('TRUE'),
    nativeCount(`${score} >= 0.5 AND ${score} < 0.6`),
    nativeCount(`${score} >= 0.5`),
  ]);
  expect(inBin).toBeGreaterThan(0);

  await page.goto('/?view=charts');
  const scores = figure(page, 'Scores');
  await expect(scores.getByRole('combobox', { name: 'Category' })).toHaveValue(
    'harassment',
    loaded,
  );
  const bin = scores.getByRole('img', { name: /^0\.5–0\.6: / });
  await bin.hover();
  const share = ((100 * inBin) / total).toFixed(1);
  await expect(scores.getByText(`${formatCount(inBin)} conversations (`)).toHaveText(
    `${formatCount(inBin)} conversations (${Number(share) < 0.1 ? '<0.1' : share}%)`,
  );

  // The keyboard path: focus the chart, arrow to the 11th bin (0.5–0.6), Enter. The pointer
  // leaves first, so the focused chart starts at the first bin.
  await page.mouse.move(0, 0);
  const chart = scores.getByRole('application');
  await chart.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(scores.getByText(`${formatCount(inBin)} conversations (`)).toBeVisible();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/min\.harassment=0\.5(&|$)/);
  await expect(chips(page)).toHaveText(['Minimum harassment score: 0.5×']);
  await expect(status(page)).toHaveText(
    `${formatCount(atLeast)} of ${formatCount(total)} conversations`,
  );
  // Every conversation left scores at least 0.5: the bins below are empty now.
  await scores.getByRole('button', { name: 'Show as table' }).click();
  const rows = scores.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: /^0\.4–0\.5/ })).toHaveText(/^0\.4–0\.50\s*0%$/);
  await expect(rows.filter({ hasText: /^0\.5–0\.6/ })).toContainText(formatCount(inBin));
});

/** Tolerant: font hinting and anti-aliasing may shift a few pixels between runs. */
const SHOT = { maxDiffPixelRatio: 0.03, animations: 'disabled', caret: 'hide' } as const;

test('the main charts look as they did (screenshots)', async ({ guardedPage: page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/?view=charts');
  await expect(page.getByRole('region', { name: 'Charts' })).toHaveAttribute(
    'aria-busy',
    'false',
    loaded,
  );
  // No hover band or tooltip in the shots.
  await page.mouse.move(0, 0);
  for (const [caption, file] of [
    ['Languages', 'languages.png'],
    ['Models', 'models.png'],
    ['Moderation categories', 'moderation-categories.png'],
    ['Scores', 'scores.png'],
    ['Turns', 'turns.png'],
  ] as const) {
    const shown = figure(page, caption);
    await shown.scrollIntoViewIfNeeded();
    await expect(shown.getByRole('application')).toBeVisible();
    await expect(shown).toHaveScreenshot(file, SHOT);
  }
});
