import type { Page } from '@playwright/test';
import { expect, formatCount, test, datasetStatus } from './fixtures';
import { nativeRows, sampleFiles } from './sample-native';

// The sample loads in seconds, but slowly on a loaded CI machine.
test.slow();
const loaded = { timeout: 60_000 };

const editor = (page: Page) => page.getByRole('textbox', { name: 'SQL query' });
const results = (page: Page) => page.getByRole('table', { name: 'Query results' });

async function openConsole(page: Page) {
  await page.goto('/');
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'SQL' }).click();
  await expect(page.getByRole('region', { name: 'SQL console' })).toBeVisible(loaded);
}

/** The results as text: the header row's names, then each row's cells. */
async function resultText(page: Page): Promise<string[][]> {
  const rows = results(page).getByRole('row');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((els) =>
    els.map((row) =>
      Array.from(
        row.querySelectorAll('[role=columnheader],[role=cell]'),
        (c) => c.textContent ?? '',
      ),
    ),
  );
}

test('a query typed in the console returns what native DuckDB returns', async ({
  guardedPage: page,
}) => {
  await openConsole(page);
  await editor(page).fill(
    'SELECT language, count(*) AS n FROM conversations\nGROUP BY language ORDER BY n DESC, language LIMIT 5',
  );
  await editor(page).press('Control+Enter');
  const expected = await nativeRows(
    `SELECT language, count(*)::INTEGER AS n FROM ${sampleFiles()}
     GROUP BY language ORDER BY n DESC, language LIMIT 5`,
  );
  await expect(page.getByText(/^5 rows in \d+ ms$/)).toBeVisible(loaded);
  expect(await resultText(page)).toEqual([
    ['language', 'n'],
    ...expected.map((r) => [String(r.language), String(r.n)]),
  ]);
  // The query is in the URL, so the link shares it.
  expect(new URL(page.url()).searchParams.get('sql')).toContain('GROUP BY language');
});

test('an error points at its position, and writes never reach the app', async ({
  guardedPage: page,
}) => {
  await openConsole(page);
  const total = await datasetStatus(page).textContent();
  await editor(page).fill('SELECT turn,\n  nope FROM conversations');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const alert = page.getByRole('region', { name: 'SQL console' }).getByRole('alert');
  await expect(alert).toContainText('"nope" not found', loaded);
  await alert.getByRole('button', { name: 'Show line 2, column 3 in the query' }).click();
  await expect(editor(page)).toBeFocused();
  expect(await editor(page).evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(15);

  await editor(page).fill('SET threads = 1');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(alert).toContainText('read-only');

  // Runs, but inside a transaction that is rolled back: the table and the app stay whole.
  await editor(page).fill('DROP TABLE conversations');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByText(/^\d+ rows? in \d+ ms$/)).toBeVisible();
  await editor(page).fill('SELECT count(*) AS n FROM conversations');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByText(/^1 row in \d+ ms$/)).toBeVisible();
  const [, [n]] = (await resultText(page)) as [string[], string[]];
  expect(`${formatCount(Number(n))} conversations`).toBe(total);
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'List' }).click();
  await expect(page.getByRole('grid', { name: 'Conversations' })).toBeVisible();
  await expect(datasetStatus(page)).toHaveText(total!);
});

test('a query from a link is shown, and runs only on a click', async ({ guardedPage: page }) => {
  await page.goto(`/?view=sql&sql=${encodeURIComponent('SELECT 6 * 7 AS answer')}`);
  await expect(editor(page)).toHaveValue('SELECT 6 * 7 AS answer', loaded);
  await expect(
    page.getByText('This query came from a link. It runs only when you click Run.'),
  ).toBeVisible();
  // Give a query that would run on its own every chance to show up.
  await page.waitForTimeout(1_000);
  await expect(results(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  expect(await resultText(page)).toEqual([['answer'], ['42']]);
  await expect(page.getByText('This query came from a link.', { exact: false })).toHaveCount(0);
});

test('history keeps earlier queries across visits, and Cancel stops a long query', async ({
  guardedPage: page,
}) => {
  await openConsole(page);
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await editor(page).fill('SELECT 1 AS one');
  await run.click();
  await expect(page.getByText(/^1 row in/)).toBeVisible(loaded);
  // Long enough (10^10 pairs) that it can only end by being cancelled.
  await editor(page).fill(
    'SELECT sum(a.range * b.range) AS s FROM range(100000) a, range(100000) b',
  );
  await run.click();
  await expect(page.getByText('Running…')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel query' }).click();
  const alert = page.getByRole('region', { name: 'SQL console' }).getByRole('alert');
  await expect(alert).toHaveText(/cancelled/);
  // The console still works after a cancel.
  await editor(page).fill('SELECT 2 AS two');
  await run.click();
  expect(await resultText(page)).toEqual([['two'], ['2']]);

  await page.goto('/?view=sql');
  await page.getByText('History (3)').click();
  const history = page.getByRole('list', { name: 'Query history' });
  await expect(history.getByRole('button')).toHaveCount(3);
  await history.getByRole('button', { name: 'Load query: SELECT 1 AS one' }).click();
  await expect(editor(page)).toHaveValue('SELECT 1 AS one');
});

test('messages are loaded for the current selection and queried like any table', async ({
  guardedPage: page,
}) => {
  // The selection: conversations with a flagged user message.
  await page.goto('/?view=sql&flagged=user');
  await page.getByRole('button', { name: 'Load messages of the selection' }).click({
    timeout: 60_000,
  });
  const flaggedConversations = await nativeRows(
    `WITH c AS (SELECT conversation, openai_moderation FROM ${sampleFiles()}
       WHERE len(list_filter(list_zip(conversation, openai_moderation),
                 x -> x[1].role = 'user' AND x[2].flagged)) > 0)
     SELECT count(*)::INTEGER AS conversations, sum(len(conversation))::INTEGER AS messages FROM c`,
  );
  const { conversations, messages } = flaggedConversations[0] as {
    conversations: number;
    messages: number;
  };
  await expect(
    page.getByText(
      `messages holds ${formatCount(messages)} messages of ${formatCount(conversations)} conversations`,
    ),
  ).toBeVisible(loaded);
  await editor(page).fill(
    "SELECT count(*) AS n, count(DISTINCT conversation_id) AS c, sum(CASE WHEN role = 'user' AND flagged THEN 1 ELSE 0 END) > 0 AS any_flagged FROM messages",
  );
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  expect(await resultText(page)).toEqual([
    ['n', 'c', 'any_flagged'],
    [String(messages), String(conversations), 'true'],
  ]);
});

test("a query's conversation ids become a filter; from a link it waits for Apply", async ({
  guardedPage: page,
}) => {
  const query =
    "SELECT conversation_id FROM conversations\nWHERE turn >= 2 AND model = 'vicuna-13b'";
  const [{ matching, total }] = (await nativeRows(
    `SELECT count(*) FILTER (WHERE turn >= 2 AND model = 'vicuna-13b')::INTEGER AS matching,
            count(*)::INTEGER AS total FROM ${sampleFiles()}`,
  )) as [{ matching: number; total: number }];
  const all = `${formatCount(total)} conversations`;
  const narrowed = `${formatCount(matching)} of ${formatCount(total)} conversations`;
  const status = datasetStatus(page);
  const chips = page.getByRole('region', { name: 'Current selection' });

  // A result without a text conversation_id column offers nothing to filter by.
  await openConsole(page);
  await editor(page).fill('SELECT 1 AS conversation_id');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByText(/^1 row in/)).toBeVisible(loaded);
  await expect(page.getByRole('button', { name: 'Use as filter' })).toHaveCount(0);

  await editor(page).fill(query);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('button', { name: 'Use as filter' }).click();
  // The list shows, narrowed to exactly the ids the query returned.
  await expect(page.getByRole('grid', { name: 'Conversations' })).toBeVisible(loaded);
  await expect(status).toHaveText(narrowed, loaded);
  await expect(
    chips.getByText(/^SQL: SELECT conversation_id FROM conversations WHERE/),
  ).toBeVisible();
  expect(new URL(page.url()).searchParams.get('idsql')).toBe(query);

  // Opened from the link, the query is shown and runs only on a click.
  await page.reload();
  await expect(status).toHaveText(all, loaded);
  const pending = page.getByRole('region', { name: 'SQL filter from the link' });
  await expect(pending.getByText(query.split('\n')[1]!)).toBeVisible();
  await page.waitForTimeout(1_000);
  await expect(status).toHaveText(all);
  await pending.getByRole('button', { name: 'Apply SQL filter' }).click();
  await expect(status).toHaveText(narrowed, loaded);
  await expect(pending).toHaveCount(0);
  await chips.getByRole('button', { name: /^Remove SQL: / }).click();
  await expect(status).toHaveText(all);
  expect(new URL(page.url()).searchParams.has('idsql')).toBe(false);

  // A linked query without the column is refused by name when applied, and the list stays whole.
  await page.goto(`/?idsql=${encodeURIComponent('SELECT model FROM conversations')}`);
  await pending.getByRole('button', { name: 'Apply SQL filter' }).click(loaded);
  await expect(pending.getByRole('alert')).toHaveText(
    'Use as filter needs a column named conversation_id; this query returns model.',
  );
  await expect(status).toHaveText(all);
  await pending.getByRole('button', { name: 'Discard SQL filter' }).click();
  await expect(pending).toHaveCount(0);
});
