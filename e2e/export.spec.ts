import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { buildNativeConversationsQuery } from '../src/sql/native-conversations';
import { quoteString } from '../src/sql/quote';
import { test, expect, formatCount } from './fixtures';
import { nativeRows, sampleFiles, sampleShards } from './sample-native';

// Each test loads the app (34 MB of wasm) and exports several files on a shared 2-core machine.
test.describe.configure({ timeout: 300_000 });

const MODEL = 'koala-13b';
const KOALA = `model = '${MODEL}'`;

const status = (page: Page) => page.getByRole('banner').getByRole('status');

async function openWithModel(page: Page): Promise<number> {
  const [{ n }] = (await nativeRows(
    `SELECT count(*)::INTEGER AS n FROM ${sampleFiles()} WHERE ${KOALA}`,
  )) as [{ n: number }];
  expect(n).toBeGreaterThan(10);
  await page.goto('/');
  await expect(status(page)).toHaveText(/conversations$/, { timeout: 90_000 });
  const filters = page.getByRole('region', { name: 'Filters' });
  await filters
    .getByRole('group', { name: 'Model' })
    .getByRole('checkbox', { name: MODEL, exact: true })
    .check();
  await expect(status(page)).toHaveText(new RegExp(`^${formatCount(n)} of `));
  return n;
}

/** Opens the dialog, picks `format` and starts the export. */
async function startExport(page: Page, format: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: 'Export the selection' });
  if (!(await dialog.isVisible())) {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
  }
  await dialog.getByRole('group', { name: 'Format' }).getByRole('radio', { name: format }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  return dialog;
}

/** Waits for the export's outcome and fails with the dialog's alert if there is one. */
async function expectExported(dialog: Locator, n: number) {
  await expect(dialog.getByText(/^Exported |failed: /)).toBeVisible({ timeout: 120_000 });
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByRole('status')).toContainText(
    `Exported ${formatCount(n)} conversations`,
  );
}

const describe = async (from: string) =>
  (await nativeRows(`DESCRIBE SELECT * FROM ${from}`)).map((r) => [r.column_name, r.column_type]);

/** Native DuckDB's `conversations` for the sample (the reference of the CSV), as SQL. */
async function nativeConversations(): Promise<string> {
  let rowOffset = 0;
  const shards = [];
  for (const path of sampleShards()) {
    shards.push({ path, rowOffset });
    const [{ n }] = (await nativeRows(
      `SELECT count(*)::INTEGER AS n FROM read_parquet(${quoteString(path)})`,
    )) as [{ n: number }];
    rowOffset += n;
  }
  return buildNativeConversationsQuery({ shards, hasRedacted: true });
}

test('exports JSONL, Parquet and CSV of the selection as downloads that read back as the source', async ({
  guardedPage: page,
}) => {
  // No File System Access API: the download fallback.
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  const n = await openWithModel(page);
  const dir = mkdtempSync(join(tmpdir(), 'convoscope-export-'));
  const saved: Record<string, string> = {};
  for (const [format, ext] of [
    ['JSONL (full conversations)', 'jsonl'],
    ['Parquet (original schema)', 'parquet'],
    ['CSV (conversations table)', 'csv'],
  ] as const) {
    const download = page.waitForEvent('download');
    const dialog = await startExport(page, format);
    await expectExported(dialog, n);
    const file = await download;
    expect(file.suggestedFilename()).toBe(
      `embedded-sample_model-${MODEL}_${n}-conversations.${ext}`,
    );
    saved[ext] = join(dir, file.suggestedFilename());
    await file.saveAs(saved[ext]);
    await expect(dialog.getByRole('status')).toContainText(
      `Exported ${formatCount(n)} conversations`,
    );
    await expect(dialog.getByRole('status')).toContainText(
      `downloaded as ${file.suggestedFilename()}`,
    );
  }

  const sourceIds = (
    await nativeRows(`SELECT conversation_id FROM ${sampleFiles()} WHERE ${KOALA}`)
  ).map((r) => r.conversation_id);

  // JSONL: every original column, the selection's ids, a conversation exactly as stored.
  const lines = readFileSync(saved.jsonl!, 'utf8').trimEnd().split('\n');
  expect(lines).toHaveLength(n);
  const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const columns = (await describe(sampleFiles())).map(([name]) => name);
  expect(Object.keys(rows[0]!)).toEqual(columns);
  expect(rows.map((r) => r.conversation_id).sort()).toEqual([...sourceIds].sort());
  const probe = rows[Math.floor(n / 2)]!;
  const [source] = await nativeRows(
    `SELECT conversation::JSON::VARCHAR AS c, openai_moderation::JSON::VARCHAR AS m, turn
     FROM ${sampleFiles()} WHERE conversation_id = ${quoteString(String(probe.conversation_id))}`,
  );
  expect(probe.conversation).toEqual(JSON.parse(String(source!.c)));
  expect(probe.openai_moderation).toEqual(JSON.parse(String(source!.m)));
  expect(probe.turn).toBe(Number(source!.turn));
  const jsonCount = await nativeRows(
    `SELECT count(*)::INTEGER AS n FROM read_json(${quoteString(saved.jsonl!)}, format = 'newline_delimited')`,
  );
  expect(jsonCount).toEqual([{ n }]);

  // Parquet: the shards' schema, the selection's rows, equal to the source row for row.
  const out = `read_parquet(${quoteString(saved.parquet!)})`;
  expect(await describe(out)).toEqual(await describe(sampleFiles()));
  const differing = await nativeRows(
    `SELECT count(*)::INTEGER AS n FROM (
       (SELECT * FROM ${out} EXCEPT ALL SELECT * FROM ${sampleFiles()} WHERE ${KOALA})
       UNION ALL
       (SELECT * FROM ${sampleFiles()} WHERE ${KOALA} EXCEPT ALL SELECT * FROM ${out}))`,
  );
  expect(differing).toEqual([{ n: 0 }]);
  expect(await nativeRows(`SELECT count(*)::INTEGER AS n FROM ${out}`)).toEqual([{ n }]);

  // CSV: the `conversations` table's columns and rows for the selection.
  const csv = `read_csv(${quoteString(saved.csv!)}, header = true)`;
  const reference = `(${await nativeConversations()})`;
  const csvColumns = (await describe(csv)).map(([name]) => name);
  expect(csvColumns).toEqual((await describe(reference)).map(([name]) => name));
  const csvDiff = await nativeRows(
    `WITH c AS (SELECT COLUMNS(*)::VARCHAR FROM ${csv}),
          r AS (SELECT COLUMNS(*)::VARCHAR FROM ${reference} WHERE ${KOALA})
     SELECT count(*)::INTEGER AS n FROM ((FROM c EXCEPT ALL FROM r) UNION ALL (FROM r EXCEPT ALL FROM c))`,
  );
  expect(csvDiff).toEqual([{ n: 0 }]);
  expect(await nativeRows(`SELECT count(*)::INTEGER AS n FROM ${csv}`)).toEqual([{ n }]);
});

test('writes through the File System Access API when the browser has it, in dataset order; Cancel stops an export mid-way', async ({
  guardedPage: page,
}) => {
  // The picker needs a person. This one first answers with a file whose second write never
  // completes (an export stuck mid-way, to cancel), then with a file in the origin-private file
  // system.
  await page.addInitScript(() => {
    const w = window as unknown as {
      showSaveFilePicker: (o: { suggestedName: string }) => Promise<FileSystemFileHandle>;
      __picked: string[];
      __stuck: string[];
    };
    w.__picked = [];
    w.__stuck = [];
    w.showSaveFilePicker = async ({ suggestedName }) => {
      w.__picked.push(suggestedName);
      if (w.__picked.length === 1) {
        let writes = 0;
        const writable = {
          write: () => (++writes === 1 ? Promise.resolve() : new Promise<void>(() => {})),
          close: async () => void w.__stuck.push('closed'),
          abort: async () => void w.__stuck.push('aborted'),
        };
        return { createWritable: async () => writable } as unknown as FileSystemFileHandle;
      }
      const root = await navigator.storage.getDirectory();
      return root.getFileHandle(suggestedName, { create: true });
    };
  });
  const n = await openWithModel(page);
  const name = `embedded-sample_model-${MODEL}_${n}-conversations.jsonl`;

  // Stuck after the first row group: the bar shows it, Cancel ends the export and drops the file.
  let dialog = await startExport(page, 'JSONL (full conversations)');
  const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
  await expect(bar).toHaveAttribute('aria-valuemax', String(n));
  await expect(bar).not.toHaveAttribute('aria-valuenow', '0');
  const written = Number(await bar.getAttribute('aria-valuenow'));
  expect(written).toBeGreaterThan(0);
  expect(written).toBeLessThan(n);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Export cancelled; ${name} was not saved.`);
  await expect(bar).toBeHidden();
  expect(await page.evaluate(() => (window as unknown as { __stuck: string[] }).__stuck)).toEqual([
    'aborted',
  ]);

  dialog = await startExport(page, 'JSONL (full conversations)');
  await expect(dialog.getByRole('status')).toContainText(
    `Exported ${formatCount(n)} conversations`,
  );
  await expect(dialog.getByRole('status')).toContainText(`saved to ${name}`);
  expect(await page.evaluate(() => (window as unknown as { __picked: string[] }).__picked)).toEqual(
    [name, name],
  );
  const text = await page.evaluate(async (file) => {
    const root = await navigator.storage.getDirectory();
    return (await (await root.getFileHandle(file)).getFile()).text();
  }, name);
  const ids = text
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { conversation_id: string }).conversation_id);
  const sourceIds = (
    await nativeRows(
      `SELECT conversation_id FROM ${sampleFiles()} WHERE ${KOALA} ORDER BY filename, file_row_number`,
    )
  ).map((r) => r.conversation_id);
  // Dataset order: shard by shard, row by row.
  expect(ids).toEqual(sourceIds);
});
