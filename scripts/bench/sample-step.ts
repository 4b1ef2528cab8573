import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildNativeConversationsQuery } from '../../src/sql/native-conversations';
import type { BrowserSession } from './browser';
import { sampleOf, waitForOpen } from './cache-steps';
import type { BenchStep } from './steps';

/** The embedded sample as the production build serves it (`vite build` copies public/sample). */
const SAMPLE_DIR = join(process.cwd(), 'dist', 'sample');

function sampleShards(): { path: string; rowOffset: number }[] {
  const manifest = JSON.parse(readFileSync(join(SAMPLE_DIR, 'manifest.json'), 'utf8')) as {
    files: { name: string; rows: number }[];
  };
  let rowOffset = 0;
  return manifest.files.map((f) => {
    const shard = { path: join(SAMPLE_DIR, f.name), rowOffset };
    rowOffset += f.rows;
    return shard;
  });
}

/**
 * The budget's first line (docs/performance.md): the embedded sample interactive within 1 s of page load. A fresh
 * context (no OPFS cache, no compiled wasm in its HTTP cache) loads the app with no `data` param;
 * the time runs from navigation start to `conversations` built, and the status must show.
 */
export const sampleStep: BenchStep = {
  id: 'sample-open',
  label: 'open the embedded sample (page load to ready)',
  budget: { kind: 'median-ms', max: 1000 },
  ours: async ({ page }: BrowserSession) => {
    const context = await page.context().browser()!.newContext();
    try {
      const fresh = await context.newPage();
      await fresh.goto(`${new URL(page.url()).origin}/`, { waitUntil: 'commit' });
      const state = await waitForOpen(fresh, 'built');
      const { extra } = sampleOf(state);
      // `rows` is left out: the runner checks it against the bench dataset, not the sample.
      return { ms: state.end, extra: { ...extra, sampleRows: Number(state.detail?.rows) } };
    } finally {
      await context.close();
    }
  },
  native: async (session) => {
    const sql = buildNativeConversationsQuery({ shards: sampleShards(), hasRedacted: true });
    const ms = await session.time(`CREATE OR REPLACE TABLE sample_conversations AS ${sql}`);
    return { ms };
  },
};
