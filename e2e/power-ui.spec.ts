import type { Locator, Page } from '@playwright/test';
import {
  contrastRatio,
  over,
  parseColor,
  relativeLuminance,
} from '../src/features/theme/testing/contrast';
import { test, expect, datasetStatus } from './fixtures';

const themeSelect = (page: Page) => page.getByRole('combobox', { name: 'Theme' });
const isDark = (page: Page) =>
  page.evaluate(() => document.documentElement.classList.contains('dark'));
const helpButton = (page: Page) => page.getByRole('button', { name: 'Help', exact: true });
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search conversations' });
const shortcutsDialog = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });
const firstRow = (page: Page) =>
  page
    .getByRole('grid', { name: 'Conversations' })
    .locator('[role="row"][aria-rowindex="2"][aria-selected]');
const messageParam = (page: Page) => new URL(page.url()).searchParams.get('m');

// Each page compiles DuckDB before the list shows; with other checkouts' suites on the same two
// cores that alone has taken over a minute here.
test.beforeEach(() => test.slow());

async function openApp(page: Page, path = '/') {
  await page.goto(path);
  await expect(datasetStatus(page)).toHaveText(/conversations$/, { timeout: 150_000 });
}

/**
 * An element's text colour and the colour actually behind it (the first ancestor with a background),
 * as the browser computes them, converted to rgb() by painting them on a canvas: the build writes
 * colours as lab()/oklch(), which getComputedStyle keeps.
 */
async function renderedColours(target: Locator): Promise<{ text: string; background: string }> {
  return target.evaluate((element) => {
    const canvas = document.createElement('canvas').getContext('2d', {
      willReadFrequently: true,
    })!;
    const toRgb = (css: string) => {
      canvas.clearRect(0, 0, 1, 1);
      canvas.fillStyle = css;
      canvas.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
      return `rgba(${r}, ${g}, ${b}, ${a! / 255})`;
    };
    let node: Element | null = element;
    let background = 'rgb(255, 255, 255)';
    while (node) {
      const colour = getComputedStyle(node).backgroundColor;
      if (toRgb(colour) !== 'rgba(0, 0, 0, 0)') {
        background = colour;
        break;
      }
      node = node.parentElement;
    }
    return { text: toRgb(getComputedStyle(element).color), background: toRgb(background) };
  });
}

async function contrastOf(target: Locator): Promise<number> {
  const { text, background } = await renderedColours(target);
  const behind = over(parseColor(background), { r: 1, g: 1, b: 1, alpha: 1 });
  return contrastRatio(over(parseColor(text), behind), behind);
}

async function pageBackgroundLuminance(page: Page): Promise<number> {
  const { background } = await renderedColours(page.locator('body'));
  return relativeLuminance(parseColor(background));
}

/** The main text of the page: title, dataset label, status, the list's cells, header controls. */
async function expectReadable(page: Page) {
  const samples = [
    page.getByRole('heading', { name: 'Convoscope' }),
    page.getByText('Embedded sample', { exact: true }),
    datasetStatus(page),
    page.getByRole('columnheader').first(),
    page.getByRole('grid', { name: 'Conversations' }).getByRole('gridcell').nth(2),
    helpButton(page),
  ];
  for (const sample of samples) {
    expect(await contrastOf(sample), (await sample.textContent()) ?? '').toBeGreaterThanOrEqual(
      4.5,
    );
  }
}

test('the Theme control switches to dark, stays readable, and is remembered across reloads', async ({
  guardedPage: page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  expect(await isDark(page)).toBe(false);
  expect(await pageBackgroundLuminance(page)).toBeGreaterThan(0.9);
  await expectReadable(page);

  await themeSelect(page).selectOption('Dark');
  expect(await isDark(page)).toBe(true);
  expect(await pageBackgroundLuminance(page)).toBeLessThan(0.05);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(
    'dark',
  );
  await expectReadable(page);

  // After a reload the dark theme is there before the app's code runs (no white flash): hold the
  // app's module back and look at the page meanwhile.
  let releaseApp = () => {};
  const appHeld = new Promise<void>((resolve) => (releaseApp = resolve));
  await page.route('**/assets/index-*.js', async (route) => {
    await appHeld;
    await route.continue();
  });
  const reloaded = page.reload();
  // No status yet: this is the new page, and the app has not run.
  await expect(page.getByRole('status')).toHaveCount(0);
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  // The stylesheet may still be on its way (the browser paints nothing before it arrives).
  await expect.poll(() => pageBackgroundLuminance(page)).toBeLessThan(0.05);
  expect(await page.getByRole('combobox').count()).toBe(0);
  releaseApp();
  await reloaded;
  await expect(themeSelect(page)).toHaveValue('dark');
  expect(await isDark(page)).toBe(true);

  await themeSelect(page).selectOption('Light');
  expect(await isDark(page)).toBe(false);
  await page.reload();
  await expect(themeSelect(page)).toHaveValue('light');
  expect(await isDark(page)).toBe(false);
});

test('"System" follows the colour scheme the system prefers, live', async ({
  guardedPage: page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  await expect(themeSelect(page)).toHaveValue('system');
  expect(await isDark(page)).toBe(true);

  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => isDark(page)).toBe(false);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => isDark(page)).toBe(true);

  // An explicit choice wins over the system.
  await themeSelect(page).selectOption('Light');
  expect(await isDark(page)).toBe(false);
  await themeSelect(page).selectOption('System');
  expect(await isDark(page)).toBe(true);
});

test('? lists the shortcuts, Escape closes the list, and ? typed in a field is just text', async ({
  guardedPage: page,
}) => {
  // A flagged conversation is open, so n (next flagged message) has something to do.
  await openApp(page, '/?sort=max_score.desc');
  await firstRow(page).click();
  await expect(
    page.getByRole('region', { name: 'Conversation' }).getByRole('article').first(),
  ).toBeVisible();
  await page.keyboard.press('?');
  const dialog = shortcutsDialog(page);
  await expect(dialog).toBeVisible();
  for (const description of [
    'Go to the search box',
    'Next conversation',
    'One page down',
    'Open the conversation',
    'Next flagged message',
    'Back to the list (from inside the conversation)',
    'In the search box: run the search',
  ]) {
    await expect(dialog.getByRole('cell', { name: description, exact: true })).toBeVisible();
  }
  const listKeys = dialog.getByRole('region', { name: 'Conversation list' });
  await expect(listKeys.getByRole('row', { name: /Next conversation/ })).toContainText('j');

  // The page behind a dialog does not react to its shortcuts; after Escape it does again.
  await page.keyboard.press('n');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(messageParam(page)).toBeNull();
  await page.keyboard.press('n');
  await expect.poll(() => messageParam(page)).not.toBeNull();

  await searchBox(page).click();
  await page.keyboard.type('why?');
  await expect(searchBox(page)).toHaveValue('why?');
  await expect(shortcutsDialog(page)).toBeHidden();
});

test('/ moves the focus to the search box without typing a slash', async ({
  guardedPage: page,
}) => {
  await openApp(page);
  await expect(searchBox(page)).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await expect(searchBox(page)).toHaveValue('');

  // In a field, / is text.
  await page.keyboard.type('a/b');
  await expect(searchBox(page)).toHaveValue('a/b');
});

test('Help explains the sample, opening the real dataset, and the moderation fields', async ({
  guardedPage: page,
}) => {
  // Help does not wait for the dataset.
  await page.goto('/');
  await helpButton(page).click();
  const help = page.getByRole('dialog', { name: 'Help' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('region', { name: 'The embedded sample' })).toContainText(
    '10,000 synthetic conversations',
  );
  const opening = help.getByRole('region', { name: 'Opening the real dataset' });
  await expect(opening.getByRole('link', { name: 'Hugging Face page' })).toHaveAttribute(
    'href',
    'https://huggingface.co/datasets/lmsys/lmsys-chat-1m',
  );
  await expect(opening).toContainText('License Agreement');
  await expect(opening).toContainText('token');
  await expect(opening).toContainText('?data=');
  const moderation = help.getByRole('region', { name: 'Moderation fields' });
  await expect(moderation).toContainText('harassment/threatening');
  await expect(moderation).toContainText('violence/graphic');
  await expect(moderation).toContainText('0.5');
  await expect(moderation).toContainText('attempt');
  await expect(moderation).toContainText('success');

  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();
  await expect(helpButton(page)).toBeFocused();
});

test('the first-run welcome opens Help, and once dismissed stays dismissed', async ({
  guardedPage: page,
}) => {
  await openApp(page);
  const welcome = page.getByRole('region', { name: 'Welcome' });
  await expect(welcome).toContainText('synthetic sample');
  // Not modal: the list behind it still takes clicks.
  await firstRow(page).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('c')).not.toBeNull();

  await welcome.getByRole('button', { name: 'Open help' }).click();
  await expect(page.getByRole('dialog', { name: 'Help' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Help' })).toBeHidden();
  await expect(welcome).toBeVisible();

  await welcome.getByRole('button', { name: 'Dismiss' }).click();
  await expect(welcome).toHaveCount(0);
  await page.reload();
  // The header and the welcome render together, before the dataset is ready.
  await expect(helpButton(page)).toBeVisible();
  await expect(welcome).toHaveCount(0);
});
