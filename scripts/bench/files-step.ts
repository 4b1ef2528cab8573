import { buildNativeConversationsQuery } from '../../src/sql/native-conversations';
import { BUILD_MEASURE, pageState, type BrowserSession } from './browser';
import { currentBenchDataset, sampleOf, waitForOpen } from './cache-steps';
import type { BenchStep } from './steps';

/**
 * First open of the shards as local files, picked in the Open data dialog: the same build as over
 * HTTP, with the network stack replaced by File slices. A fresh context, so no OPFS cache entry
 * from an earlier run can answer instead.
 */
export const filesStep: BenchStep = {
  id: 'files-open',
  label: 'first open of local files (Open data picker)',
  budget: { kind: 'ratio', max: 1.5 },
  ours: async ({ page }: BrowserSession) => {
    const dataset = currentBenchDataset();
    const context = await page.context().browser()!.newContext();
    try {
      const fresh = await context.newPage();
      await fresh.goto(`${new URL(page.url()).origin}/`, { waitUntil: 'commit' });
      // The sample opens first: wait for it, then forget its measure so ours is the only one.
      await fresh.waitForFunction(pageState, BUILD_MEASURE, { timeout: 5 * 60_000 });
      await fresh.evaluate((name) => performance.clearMeasures(name), BUILD_MEASURE);
      await fresh.getByRole('button', { name: 'Open data' }).click();
      await fresh
        .getByRole('dialog', { name: 'Open data' })
        .getByLabel('Parquet files')
        .setInputFiles(dataset.shards.map((s) => s.path));
      const sample = sampleOf(await waitForOpen(fresh, 'built'));
      sample.bytes = Number(sample.extra?.appBytes) || undefined;
      return sample;
    } finally {
      await context.close();
    }
  },
  native: async (session) => {
    const sql = buildNativeConversationsQuery({
      shards: session.dataset.shards.map(({ path, rowOffset }) => ({ path, rowOffset })),
      hasRedacted: true,
    });
    const ms = await session.time(`CREATE OR REPLACE TABLE conversations_files AS ${sql}`);
    const rows = Number(await session.scalar('SELECT count(*) FROM conversations_files'));
    return { ms, rows };
  },
};
