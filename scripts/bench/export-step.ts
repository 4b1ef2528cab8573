import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { quoteString } from '../../src/sql/quote';
import { currentBenchDataset } from './cache-steps';
import type { Dataset } from './dataset';
import { navigateInPage } from './page-probes';
import type { BenchStep, Sample } from './steps';

/** About this many conversations are exported: the model whose count is closest to it. */
const TARGET_CONVERSATIONS = 10_000;
const EXPORT_TIMEOUT_MS = 10 * 60_000;

let chosen: { model: string; conversations: number } | undefined;

const filesOf = (dataset: Dataset) =>
  `read_parquet([${dataset.shards.map((s) => quoteString(s.path)).join(', ')}])`;

/** The model whose conversations number closest to TARGET_CONVERSATIONS (claude-1 at 1M: 10,106). */
async function chooseModel(dataset: Dataset) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT model, count(*)::INTEGER AS n FROM ${filesOf(dataset)}
       GROUP BY model ORDER BY abs(count(*) - ${TARGET_CONVERSATIONS}), model LIMIT 1`,
    );
    const [row] = reader.getRowObjectsJS() as { model: string; n: number }[];
    if (!row) throw new Error('the dataset has no models');
    return { model: row.model, conversations: row.n };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Records every aria-valuenow the export's progress bar shows, with its time, in the page. Sent as
 * source text: tsx would wrap a named function of this module in a `__name` helper the page lacks.
 */
const WATCH_PROGRESS = `(() => {
  window.__exportProgress = [];
  new MutationObserver(() => {
    const bar = document.querySelector('[role=progressbar][aria-label="Export progress"]');
    const value = Number(bar?.getAttribute('aria-valuenow'));
    const seen = window.__exportProgress;
    if (bar && seen[seen.length - 1]?.value !== value)
      seen.push({ at: performance.now(), value });
  }).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-valuenow'],
  });
})()`;

/**
 * JSONL export of about 10,000 conversations (one model) at full scale: the text is read from the
 * shards row group by row group and streamed to a download, beside native DuckDB's
 * `COPY (SELECT * FROM read_parquet(...) WHERE model = ?) TO ... (FORMAT json)` of the same rows.
 * The download path (no File System Access picker in a headless run) is the slower one: every
 * chunk becomes a Blob part.
 */
export const exportStep: BenchStep = {
  id: 'export',
  label: 'export ~10,000 conversations as JSONL',
  budget: { kind: 'ratio', max: 1.5 },
  async ours({ page }): Promise<Sample> {
    chosen = await chooseModel(currentBenchDataset());
    const { model, conversations } = chosen;
    await navigateInPage(page, { model }, { fromDataOnly: true });
    const status = page.getByRole('banner').getByRole('status');
    await status.filter({ hasText: `${conversations.toLocaleString('en-US')} of ` }).waitFor({
      timeout: 60_000,
    });
    // The headless page has the picker API but nobody to answer it: use the download path.
    await page.evaluate(() => {
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
    });
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the selection' });
    await dialog.getByRole('radio', { name: 'JSONL (full conversations)' }).check();
    await page.evaluate(WATCH_PROGRESS);
    const download = page.waitForEvent('download', { timeout: EXPORT_TIMEOUT_MS });
    const started = await page.evaluate(() => performance.now());
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    const ended = await page.evaluate(() => performance.now());
    const dir = await mkdtemp(join(tmpdir(), 'convoscope-bench-export-'));
    try {
      const path = join(dir, file.suggestedFilename());
      await file.saveAs(path);
      const lines = (await readFile(path, 'utf8')).trimEnd().split('\n').length;
      if (lines !== conversations)
        throw new Error(`the export has ${lines} lines, the selection ${conversations}`);
      const progress = await page.evaluate(
        () =>
          (window as unknown as { __exportProgress: { at: number; value: number }[] })
            .__exportProgress,
      );
      const moving = progress.filter((p) => p.value > 0 && p.value < conversations);
      if (moving.length < 2) throw new Error('the progress bar did not move during the export');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await navigateInPage(page, { model: null });
      return {
        ms: ended - started,
        extra: {
          model,
          conversations,
          fileBytes: (await stat(path)).size,
          progressUpdates: progress.length,
          firstProgressMs: Math.round((moving[0]?.at ?? started) - started),
        },
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
  async native(session): Promise<Sample> {
    if (!chosen) throw new Error('the browser chose no model');
    const dir = await mkdtemp(join(tmpdir(), 'convoscope-bench-export-native-'));
    try {
      const path = join(dir, 'export.jsonl');
      const ms = await session.time(
        `COPY (SELECT * FROM ${filesOf(session.dataset)} WHERE model = ${quoteString(chosen.model)})
         TO ${quoteString(path)} (FORMAT json)`,
      );
      return { ms, extra: { fileBytes: (await stat(path)).size } };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
