import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import {
  CORPUS_CASES,
  type CorpusCase,
  type Opens,
  type SharedIdRow,
} from '../scripts/corpus/cases';
import { COMPRESS_MEASURE } from '../src/db/engine/complete-open';
import { SHARED_IDS_MEASURE } from '../src/db/engine/shared-ids';
import { quoteString } from '../src/sql/quote';
import { test, expect, nativeRowCount, formatCount, datasetStatus } from './fixtures';
import { DATA_ORIGIN } from './ports';
import { nativeRows, sampleShards } from './sample-native';
import { CORPUS_DIR } from './test-data';

// Every case is opened through the Open data dialog's file picker, in a few pages: each page
// compiles DuckDB-WASM first (over a minute when the shared cores are busy).
test.beforeEach(() => test.slow());
const FIRST_OPEN = { timeout: 240_000 };

const pathsOf = (c: CorpusCase) => c.files.map((f) => join(CORPUS_DIR, f.name));
const statusFor = async (paths: string[]) =>
  `${formatCount(await nativeRowCount(paths))} conversations`;
const viewer = (page: Page) => page.getByRole('region', { name: 'Conversation' });
const grid = (page: Page) => page.getByRole('grid', { name: 'Conversations' });
const gridRow = (page: Page, index: number) =>
  grid(page).locator(`[role="row"][aria-rowindex="${index + 2}"][aria-selected]`);
const filters = (page: Page) => page.getByRole('region', { name: 'Filters' });
/** Messages by their 1-based number, whatever their role. */
const article = (page: Page, k: number) =>
  viewer(page).getByRole('article', { name: new RegExp(`, message ${k}$`) });

async function openSample(page: Page) {
  await page.goto('/');
  const status = await statusFor(sampleShards());
  await expect(datasetStatus(page)).toHaveText(status, FIRST_OPEN);
  return status;
}

async function openFiles(page: Page, paths: string[]) {
  await page.getByRole('button', { name: 'Open data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open data' });
  await dialog.getByLabel('Parquet files').setInputFiles(paths);
  await expect(dialog).toBeHidden();
}

/** Opens a case that must open: the count equals native DuckDB's, and no alert shows. */
async function openCase(page: Page, c: CorpusCase) {
  await openFiles(page, pathsOf(c));
  await expect(datasetStatus(page), c.id).toHaveText(await statusFor(pathsOf(c)));
  await expect(page.getByRole('alert'), c.id).toHaveCount(0);
  await expect(page.getByText(c.files[0]!.name, { exact: true }).first()).toBeVisible();
  // Another dataset's conversation does not linger as "no such id" (local files after local files).
  expect(new URL(page.url()).searchParams.has('c'), c.id).toBe(false);
  await expect(page.getByText(/^No conversation with id/)).toHaveCount(0);
}

const refusedCases = CORPUS_CASES.filter((c) => c.outcome.kind === 'refused');
const openingCases = CORPUS_CASES.filter((c) => c.outcome.kind === 'opens');
const hostile = (c: CorpusCase) => c.outcome.kind === 'opens' && !!c.outcome.first?.hostile;

test('every refused input names the file, the column and what was expected; the open dataset stays', async ({
  guardedPage: page,
}) => {
  expect(refusedCases.length).toBeGreaterThanOrEqual(15);
  await openSample(page);
  // A dataset opened from the corpus itself, so "stays open" is not only about the sample.
  const kept = CORPUS_CASES.find((c) => c.id === 'extra-columns')!;
  await openCase(page, kept);
  const keptStatus = await statusFor(pathsOf(kept));

  for (const c of refusedCases) {
    await openFiles(page, pathsOf(c));
    const alert = page.getByRole('alert');
    const names = c.files.map((f) => f.name);
    await expect(alert, c.id).toContainText(new RegExp(names.map(escape).join('|')));
    for (const text of c.outcome.kind === 'refused' ? c.outcome.mentions : [])
      await expect(alert, c.id).toContainText(text);
    await expect(alert, c.id).toContainText(`${kept.files[0]!.name} is still open`);
    await expect(datasetStatus(page), c.id).toHaveText(keptStatus);
  }

  // Still usable: the kept dataset's conversations open.
  await gridRow(page, 0).click();
  await expect(viewer(page).getByRole('article').first()).toBeVisible();
});

test('unusual but valid inputs open with native counts and read right in the viewer', async ({
  guardedPage: page,
}) => {
  const cases = openingCases.filter((c) => !hostile(c));
  expect(cases.length).toBeGreaterThanOrEqual(12);
  await openSample(page);
  for (const c of cases) {
    await openCase(page, c);
    const outcome = c.outcome as Opens;
    if (outcome.first) await checkFirstConversation(page, c.id, outcome.first);
    if (outcome.facet) await checkFacet(page, c, outcome.facet);
    if (outcome.filterModel !== undefined) await checkModelFilter(page, c, outcome.filterModel);
    if (outcome.sharedId) await checkSharedId(page, outcome.sharedId);
    // The conversation stays open: the next dataset's open must drop its id from the URL.
  }
});

test('script and remote content in a dataset never runs or loads, and shows as text', async ({
  guardedPage: page,
}) => {
  const cases = openingCases.filter(hostile);
  expect(cases.length).toBeGreaterThanOrEqual(1);
  await openSample(page);
  for (const c of cases) {
    await openCase(page, c);
    await checkFirstConversation(page, c.id, (c.outcome as Opens).first!);
    const articles = viewer(page).getByRole('article');
    // Nothing active made it into the DOM.
    await expect(
      articles.locator('script, img, iframe, svg, style, form, details, input'),
    ).toHaveCount(0);
    // Every link left is http(s) or mailto, opens a new tab, and gives no opener or referrer.
    for (const link of await articles.getByRole('link').all()) {
      expect(await link.getAttribute('href')).toMatch(/^(https?:\/\/|mailto:)/);
      expect(await link.getAttribute('rel')).toContain('noopener');
      expect(await link.getAttribute('target')).toBe('_blank');
    }
    // The remote image is a link to its address, never loaded (the guard fails on any request).
    await expect(articles.getByRole('link', { name: '[image: remote]' })).toHaveAttribute(
      'href',
      'https://evil.example/x.png',
    );
    // Dangerous links are text: clicking them does nothing.
    const url = page.url();
    for (const text of ['click me', 'data link', 'vb']) {
      await expect(articles.getByRole('link', { name: text, exact: true })).toHaveCount(0);
      await articles.getByText(text, { exact: true }).first().click();
    }
    expect(page.url()).toBe(url);
    // Markup in other columns is text too: the list shows the model as typed.
    await expect(gridRow(page, 0)).toContainText(`<img src=x onerror="__xss('model')">`);
    await expect(
      filters(page)
        .getByRole('group', { name: 'Language' })
        .getByRole('checkbox', { name: `<script>__xss('language')</script>` }),
    ).toBeVisible();
    await closeConversation(page);
  }
});

async function checkFirstConversation(page: Page, id: string, first: NonNullable<Opens['first']>) {
  await gridRow(page, 0).click();
  const articles = viewer(page).getByRole('article');
  if (first.messages === 0) {
    await expect(viewer(page).getByText('This conversation has no messages.'), id).toBeVisible();
    await expect(articles).toHaveCount(0);
  } else if (first.messages === undefined) {
    await expect(articles.first(), id).toBeVisible();
  } else {
    await expect(articles, id).toHaveCount(first.messages);
  }
  for (const text of first.shows ?? [])
    await expect(viewer(page).getByText(text).first(), `${id}: ${text}`).toBeAttached();
  for (const k of first.noModeration ?? [])
    await expect(article(page, k), `${id} message ${k}`).toContainText('no moderation data');
  for (const k of first.flagged ?? [])
    await expect(flagOf(article(page, k)), `${id} message ${k}`).toHaveCount(1);
  for (const k of first.notFlagged ?? [])
    await expect(flagOf(article(page, k)), `${id} message ${k}`).toHaveCount(0);
  if (first.scores) {
    const card = article(page, 1);
    await card.getByRole('button', { name: 'Scores' }).click();
    const list = card.getByRole('list', { name: 'Category scores' });
    for (const [name, shown] of Object.entries(first.scores)) {
      const item = list.getByRole('listitem').filter({ hasText: name }).first();
      await expect(item, `${id} ${name}`).toContainText(shown);
    }
  }
  if (first.showAll) {
    const button = viewer(page).getByRole('button', {
      name: `Show all (${formatCount(first.showAll.characters)} characters)`,
    });
    await button.click();
    await expect(viewer(page).getByText('Shown as plain text')).toBeVisible();
    await expect(viewer(page).getByText(first.showAll.thenShows)).toBeAttached();
  }
  if (first.autoDirection) {
    const text = viewer(page).getByText(first.autoDirection, { exact: true }).first();
    expect(await text.evaluate((el) => el.closest('[dir]')?.getAttribute('dir'))).toBe('auto');
  }
}

/** The next dataset has other ids: close the open conversation first, as a person would. */
async function closeConversation(page: Page) {
  const close = viewer(page).getByRole('button', { name: 'Close conversation' });
  if (await close.isVisible()) await close.click();
  await expect(viewer(page).getByRole('article')).toHaveCount(0);
}

const flagOf = (card: Locator) => card.getByText('Flagged', { exact: true });

async function checkFacet(page: Page, c: CorpusCase, facet: NonNullable<Opens['facet']>) {
  const group = filters(page).getByRole('group', { name: facet.group });
  await expect(group.getByRole('button', { name: `Show all (${facet.values})` })).toBeVisible();
  await group.getByRole('textbox', { name: `Find ${facet.group.toLowerCase()}` }).fill(facet.find);
  await expect(group.getByRole('checkbox')).toHaveCount(1);
  await group.getByRole('checkbox', { name: facet.find }).check();
  const column = facet.group === 'Language' ? 'language' : 'model';
  const [row] = await nativeRows(
    `SELECT count(*)::INTEGER AS n FROM read_parquet(${quoteString(pathsOf(c)[0]!)})
     WHERE ${column} = ${quoteString(facet.find)}`,
  );
  const total = await nativeRowCount(pathsOf(c));
  await expect(datasetStatus(page)).toHaveText(
    `${formatCount(Number(row!.n))} of ${formatCount(total)} conversations`,
  );
  await group.getByRole('checkbox', { name: facet.find }).uncheck();
  await group.getByRole('textbox', { name: `Find ${facet.group.toLowerCase()}` }).fill('');
  await expect(datasetStatus(page)).toHaveText(`${formatCount(total)} conversations`);
}

async function checkModelFilter(page: Page, c: CorpusCase, model: string) {
  const [row] = await nativeRows(
    `SELECT count(*)::INTEGER AS n FROM read_parquet(${quoteString(pathsOf(c)[0]!)})
     WHERE model = ${quoteString(model)}`,
  );
  const total = await nativeRowCount(pathsOf(c));
  const box = filters(page)
    .getByRole('group', { name: 'Model' })
    .getByRole('checkbox', { name: model, exact: true });
  await box.check();
  await expect(datasetStatus(page)).toHaveText(
    `${formatCount(Number(row!.n))} of ${formatCount(total)} conversations`,
  );
  expect(new URL(page.url()).searchParams.getAll('model')).toEqual([model]);
  await box.uncheck();
  await expect(datasetStatus(page)).toHaveText(`${formatCount(total)} conversations`);
}

type SharedId = NonNullable<Opens['sharedId']>;
const idOf = (page: Page, i: number) =>
  gridRow(page, i).getByRole('gridcell').nth(1).getAttribute('title');

/**
 * Both rows of a shared id are listed and counted, and each opens itself: a click on the second
 * shows the second's model, text and flag, then the keyboard goes to the first and back.
 */
async function checkSharedId(page: Page, shared: SharedId) {
  // The rows' summaries are then read by ordinal through `shared_ids` (src/db/shared-ids.ts). The
  // link test below clicks as soon as the list shows, usually before it is made: by id.
  await page.waitForFunction((name) => {
    const opened = performance.getEntriesByName('convoscope:build').at(-1);
    const made = performance.getEntriesByName(name).at(-1);
    return !!opened && !!made && made.startTime >= opened.startTime + opened.duration;
  }, SHARED_IDS_MEASURE);
  // The table was compressed first, in the same step (`completeOpen`): DuckDB-WASM ran its
  // CHECKPOINT without an error.
  expect(
    await page.evaluate((name) => {
      const opened = performance.getEntriesByName('convoscope:build').at(-1)!;
      const done = performance.getEntriesByName(name).at(-1);
      return !!done && done.startTime >= opened.startTime + opened.duration;
    }, COMPRESS_MEASURE),
  ).toBe(true);
  const id = await idOf(page, 0);
  expect(id).toBeTruthy();
  expect(await idOf(page, 1)).toBe(id);
  await expect(gridRow(page, 0)).toContainText(shared.first.model);
  await expect(gridRow(page, 1)).toContainText(shared.second.model);
  await gridRow(page, 1).click();
  await expectSharedRowOpen(page, id!, 1, shared.second);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expectSharedRowOpen(page, id!, 0, shared.first);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expectSharedRowOpen(page, id!, 1, shared.second);
}

/** The list's row `index` (0 or 1, of the two sharing `id`) is the one open, highlighted and linked. */
async function expectSharedRowOpen(page: Page, id: string, index: number, row: SharedIdRow) {
  const shown = viewer(page);
  await expect(shown.getByRole('heading', { name: id })).toBeVisible();
  await expect(shown.getByText(row.text, { exact: true })).toBeVisible();
  await expect(shown.getByText(new RegExp(`^${escape(row.model)} · `))).toBeVisible();
  await expect(flagOf(article(page, 1))).toHaveCount(row.flagged ? 1 : 0);
  await expect(gridRow(page, index)).toHaveAttribute('aria-selected', 'true');
  await expect(gridRow(page, 1 - index)).toHaveAttribute('aria-selected', 'false');
  await expect.poll(() => new URL(page.url()).searchParams.get('cn')).toBe(String(index + 1));
  expect(new URL(page.url()).searchParams.get('c')).toBe(id);
  await expect(
    shown.getByText(`Conversation ${index + 1} of the 2 that share this id.`),
  ).toBeVisible();
}

test.describe('links to a shared id', () => {
  test.use({ allowedOrigins: [DATA_ORIGIN] });

  test('a link without cn opens the first row and says the id is shared; a chosen row survives a reload', async ({
    guardedPage: page,
  }) => {
    const c = CORPUS_CASES.find((k) => k.id === 'duplicate-ids')!;
    const shared = (c.outcome as Opens).sharedId!;
    const [native] = await nativeRows(
      `SELECT conversation_id FROM read_parquet(${quoteString(pathsOf(c)[0]!)}) LIMIT 1`,
    );
    const id = String(native!.conversation_id);
    const data = encodeURIComponent(`${DATA_ORIGIN}/corpus/${c.files[0]!.name}`);
    const status = await statusFor(pathsOf(c));
    // A link made before rows sharing an id were told apart: `c` alone.
    await page.goto(`/?data=${data}&c=${encodeURIComponent(id)}`);
    await expect(datasetStatus(page)).toHaveText(status, FIRST_OPEN);
    const shown = viewer(page);
    await expect(
      shown.getByText(
        '2 conversations share this id; this is the first of them. Open the others from the list.',
      ),
    ).toBeVisible();
    await expect(shown.getByText(shared.first.text, { exact: true })).toBeVisible();
    await expect(gridRow(page, 0)).toHaveAttribute('aria-selected', 'true');
    await expect(gridRow(page, 1)).toHaveAttribute('aria-selected', 'false');
    expect(new URL(page.url()).searchParams.has('cn')).toBe(false);

    await gridRow(page, 1).click();
    await expectSharedRowOpen(page, id, 1, shared.second);
    await expect(shown.getByText(/share this id; this is the first/)).toHaveCount(0);

    await page.reload();
    await expect(datasetStatus(page)).toHaveText(status, FIRST_OPEN);
    await expectSharedRowOpen(page, id, 1, shared.second);
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
