import type { Page } from '@playwright/test';
import { formatScore } from '../src/features/viewer/message-moderation';
import { CATEGORY_NAMES } from '../src/model/moderation';
import { quoteString } from '../src/sql/quote';
import { test, expect } from './fixtures';
import { nativeRows, sampleFiles } from './sample-native';

interface NativeMessage {
  role: string;
  content: string;
  moderation: {
    flagged: boolean;
    categories: Record<string, boolean>;
    category_scores: Record<string, number>;
  };
}

/** One conversation as native DuckDB reads it from the sample's shards. */
async function nativeConversation(id: string): Promise<NativeMessage[]> {
  const [row] = await nativeRows(
    `SELECT conversation, openai_moderation FROM ${sampleFiles()}
     WHERE conversation_id = ${quoteString(id)}`,
  );
  const conversation = row!.conversation as { role: string; content: string }[];
  const moderation = row!.openai_moderation as NativeMessage['moderation'][];
  return conversation.map((m, i) => ({ ...m, moderation: moderation[i]! }));
}

/** A long conversation whose first flagged message comes late: room to jump and to scroll. */
async function nativeLateFlagged(): Promise<{ id: string; flagged: number[] }> {
  const [row] = await nativeRows(
    `SELECT conversation_id,
       list_filter(range(1, len(openai_moderation) + 1),
                   i -> openai_moderation[i].flagged)::INTEGER[] AS flagged
     FROM ${sampleFiles()}
     WHERE len(conversation) >= 8 AND len(openai_moderation) = len(conversation)
       AND list_position(list_transform(openai_moderation, x -> x.flagged), true) >= 4
     ORDER BY conversation_id LIMIT 1`,
  );
  return { id: row!.conversation_id as string, flagged: row!.flagged as number[] };
}

const viewer = (page: Page) => page.getByRole('region', { name: 'Conversation' });
const grid = (page: Page) => page.getByRole('grid', { name: 'Conversations' });
const article = (page: Page, role: string, k: number) =>
  viewer(page).getByRole('article', { name: `${role}, message ${k}`, exact: true });
const roleName = (role: string) => (role === 'user' ? 'User' : 'Assistant');
const messageParam = (page: Page) => new URL(page.url()).searchParams.get('m');

test('clicking a row opens every message with its flag, categories and scores', async ({
  guardedPage: page,
}) => {
  await page.goto('/?sort=max_score.desc');
  const first = grid(page).locator('[role="row"][aria-rowindex="2"][aria-selected]');
  const id = (await first.getByRole('gridcell').nth(1).getAttribute('title'))!;
  await first.click();
  await expect.poll(() => new URL(page.url()).searchParams.get('c')).toBe(id);
  await expect(viewer(page).getByRole('heading', { name: id })).toBeVisible();

  const messages = await nativeConversation(id);
  await expect(viewer(page).getByRole('article')).toHaveCount(messages.length);
  for (const [i, m] of messages.entries()) {
    const card = article(page, roleName(m.role), i + 1);
    const flagged = CATEGORY_NAMES.filter((c) => m.moderation.categories[c]);
    if (m.moderation.flagged) {
      await expect(card.getByText('Flagged', { exact: true })).toBeVisible();
      for (const name of flagged) await expect(card.getByText(name, { exact: true })).toBeVisible();
    } else {
      await expect(card.getByText('Flagged', { exact: true })).toHaveCount(0);
    }
  }
  // Exact scores behind the compact bars.
  const card = article(page, roleName(messages[0]!.role), 1);
  await card.getByRole('button', { name: 'Scores' }).click();
  const scores = card.getByRole('list', { name: 'Category scores' });
  for (const name of CATEGORY_NAMES) {
    await expect(scores.getByRole('listitem').filter({ hasText: name }).first()).toContainText(
      formatScore(messages[0]!.moderation.category_scores[name]!),
    );
  }
  // The flagged side of the conversation is summed up.
  await expect(viewer(page).getByRole('region', { name: 'Moderation summary' })).toContainText(
    'Flagged:',
  );

  await viewer(page).getByRole('button', { name: 'Close conversation' }).click();
  await expect(viewer(page)).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('c')).toBeNull();
});

test('n and p jump between flagged messages, into the URL; Escape returns to the list', async ({
  guardedPage: page,
}) => {
  const { id, flagged } = await nativeLateFlagged();
  await page.goto(`/?c=${id}`);
  const messages = await nativeConversation(id);
  const at = (k: number) => article(page, roleName(messages[k - 1]!.role), k);
  await expect(viewer(page).getByRole('article')).toHaveCount(messages.length);

  await page.keyboard.press('n');
  await expect(at(flagged[0]!)).toBeFocused();
  await expect(at(flagged[0]!)).toBeInViewport();
  expect(messageParam(page)).toBe(String(flagged[0]));
  for (const k of flagged.slice(1)) {
    await page.keyboard.press('n');
    await expect(at(k)).toBeFocused();
  }
  await page.keyboard.press('n');
  await expect(viewer(page).getByText('No later flagged message')).toBeVisible();
  await viewer(page).getByRole('button', { name: 'Previous flagged message' }).click();
  const back = flagged.length > 1 ? flagged[flagged.length - 2]! : flagged[0]!;
  await expect(at(back)).toBeFocused();
  await expect.poll(() => messageParam(page)).toBe(String(back));

  // The mini-map jumps too.
  await viewer(page)
    .getByRole('navigation', { name: 'Flagged messages' })
    .getByRole('button', { name: `Go to flagged message ${flagged[0]}` })
    .click();
  await expect(at(flagged[0]!)).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(grid(page).locator('[role="row"]:focus')).toHaveCount(1);
  // From the list, j and Enter open the next conversation.
  await page.keyboard.press('j');
  const focused = grid(page).locator('[role="row"]:focus');
  const next = (await focused.getByRole('gridcell').nth(1).getAttribute('title'))!;
  await page.keyboard.press('Enter');
  await expect(viewer(page).getByRole('heading', { name: next })).toBeVisible();
  expect(messageParam(page)).toBeNull();
});

test('a deep link opens the conversation at its message', async ({ guardedPage: page }) => {
  const { id } = await nativeLateFlagged();
  const messages = await nativeConversation(id);
  const last = messages.length;
  await page.goto(`/?c=${id}&m=${last}`);
  const target = article(page, roleName(messages[last - 1]!.role), last);
  await expect(target).toBeInViewport();
  await expect(article(page, roleName(messages[0]!.role), 1)).not.toBeInViewport();
  // The list scrolls to the linked conversation, wherever it stands.
  await expect(grid(page).locator('[role="row"][aria-selected="true"]')).toBeInViewport();
  await expect(grid(page).locator('[role="row"][aria-selected="true"]')).toHaveAttribute(
    'tabindex',
    '0',
  );
});

test('empty responses are marked, and a conversation copies as its dataset row', async ({
  guardedPage: page,
  baseURL,
}) => {
  const [row] = await nativeRows(
    `SELECT conversation_id,
       list_position(list_transform(conversation, m -> m.role = 'assistant' AND m.content = ''),
                     true) AS k
     FROM ${sampleFiles()} WHERE k > 0 ORDER BY conversation_id LIMIT 1`,
  );
  const id = row!.conversation_id as string;
  const k = row!.k as number;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto(`/?c=${id}`);
  await expect(article(page, 'Assistant', k)).toContainText('(empty response)');

  await viewer(page).getByRole('button', { name: 'Copy as JSON' }).click();
  await expect(viewer(page).getByText('Copied', { exact: true })).toBeVisible();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  const messages = await nativeConversation(id);
  expect(copied.conversation_id).toBe(id);
  expect(copied.conversation).toEqual(messages.map((m) => ({ content: m.content, role: m.role })));
  expect(copied.openai_moderation).toEqual(messages.map((m) => m.moderation));

  await viewer(page).getByRole('button', { name: 'Copy id' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(id);
});

test('a link to an id the dataset does not have says so', async ({ guardedPage: page }) => {
  await page.goto(`/?c=${encodeURIComponent("nope' OR 1=1 --")}`);
  await expect(viewer(page).getByRole('alert')).toHaveText(
    "No conversation with id nope' OR 1=1 -- in this dataset.",
  );
  // The list is still there to pick from.
  await expect(grid(page)).toBeVisible();
});

test('a text search marks its matches in the conversation and steps through them', async ({
  guardedPage: page,
}) => {
  const [row] = await nativeRows(
    `SELECT conversation_id,
       list_sum(list_transform(conversation,
         m -> len(regexp_extract_all(lower(m.content), 'inflation'))))::INTEGER AS n
     FROM ${sampleFiles()} WHERE n >= 2 ORDER BY n DESC, conversation_id LIMIT 1`,
  );
  const id = row!.conversation_id as string;
  const n = row!.n as number;
  await page.goto(`/?q=inflation&c=${id}`);
  const marks = viewer(page).locator('mark[data-search-match]');
  await expect(marks).toHaveCount(n);
  await expect(viewer(page).getByText(`${n} matches`)).toBeVisible();
  await viewer(page).getByRole('button', { name: 'Next match' }).click();
  await expect(viewer(page).getByText(`Match 1 of ${n}`)).toBeVisible();
  await expect(marks.first()).toHaveAttribute('data-current-match', 'true');
  await viewer(page).getByRole('button', { name: 'Previous match' }).click();
  await expect(viewer(page).getByText(`Match ${n} of ${n}`)).toBeVisible();
  await expect(marks.last()).toHaveAttribute('data-current-match', 'true');
  await expect(marks.last()).toBeInViewport();
});
