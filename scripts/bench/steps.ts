import { buildNativeConversationsQuery } from '../../src/sql/native-conversations';
import type { BrowserSession } from './browser';
import { duckdbMemory } from './duckdb-memory';
import { facetSearchStep, facetStep } from './facet-step';
import { sampleStep } from './sample-step';
import { chartStep } from './chart-step';
import { CACHE_STEPS } from './cache-steps';
import { exportStep } from './export-step';
import { fetchFloorStep } from './fetch-floor-step';
import { filesStep } from './files-step';
import { leafBytes, type NativeSession } from './native';
import { SEARCH_STEPS } from './search-step';
import { INDEXED_SEARCH_STEPS } from './indexed-search-step';
import { searchCancelStep } from './search-cancel-step';
import type { TreeMemory } from './process-tree';
import { VIEWER_STEPS } from './viewer-steps';

/** One measurement of one side. `bytes` and `peakMemory` are filled in by the runner if absent. */
export interface Sample {
  ms: number;
  bytes?: number;
  /** Of the browser's process tree. */
  peakMemory?: TreeMemory;
  /** DuckDB's own report (`duckdb_memory()`) after the step, in bytes. */
  engineMemory?: number;
  /** Conversations the step saw; the runner checks it against the dataset. */
  rows?: number;
  extra?: Record<string, unknown>;
}

export type Budget =
  { kind: 'ratio'; max: number } | { kind: 'median-ms'; max: number } | { kind: 'none' };

/**
 * One line of the bench. Each run opens a fresh browser session (page loaded, `conversations`
 * built) and a fresh native session, then runs every step in order on each, so a step may rely on
 * the work of the steps before it (the native `conversations` table, the open page).
 */
export interface BenchStep {
  id: string;
  label: string;
  budget: Budget;
  ours(session: BrowserSession): Promise<Sample>;
  native?(session: NativeSession): Promise<Sample>;
  nativeBytesEstimated?: boolean;
}

const nativeBuildBytes = new WeakMap<object, number>();

export const STEPS: BenchStep[] = [
  {
    id: 'build',
    label: 'build conversations (HTTP shards)',
    budget: { kind: 'ratio', max: 1.5 },
    nativeBytesEstimated: true,
    ours: async ({ ready, page }) => ({
      ms: ready.buildMs,
      rows: ready.rows,
      bytes: ready.bytes,
      peakMemory: ready.peakMemory,
      engineMemory: await duckdbMemory(page),
      extra: {
        shards: ready.shards,
        appBytes: ready.appBytes,
        requests: ready.requests,
        loadToReadyMs: ready.loadToReadyMs,
        throughCacheWritePss: ready.afterCacheWrite?.peak.pss ?? null,
        settledRss: ready.afterCacheWrite?.settled.rss ?? null,
        settledPss: ready.afterCacheWrite?.settled.pss ?? null,
      },
    }),
    native: async (session) => {
      const sql = buildNativeConversationsQuery({
        shards: session.dataset.shards.map(({ path, rowOffset }) => ({ path, rowOffset })),
        hasRedacted: true,
      });
      const ms = await session.time(`CREATE TABLE conversations AS ${sql}`);
      const rows = Number(await session.scalar('SELECT count(*) FROM conversations'));
      let bytes = nativeBuildBytes.get(session.dataset);
      if (bytes === undefined) {
        bytes = await leafBytes(session, (leaf) => leaf === 'conversation.list.element.content');
        nativeBuildBytes.set(session.dataset, bytes);
      }
      return { ms, rows, bytes };
    },
  },
  {
    id: 'load',
    label: 'page load to conversations ready',
    budget: { kind: 'none' },
    ours: async ({ ready }) => ({
      ms: ready.loadToReadyMs,
      bytes: ready.bytes,
      peakMemory: ready.peakMemory,
    }),
  },
  fetchFloorStep,
  sampleStep,
  facetStep,
  ...SEARCH_STEPS,
  searchCancelStep,
  // After the search lines, which must meet a search pool not yet started.
  facetSearchStep,
  ...VIEWER_STEPS,
  chartStep,
  exportStep,
  // Last: the cache step reloads the page the steps before it use.
  ...CACHE_STEPS,
  ...INDEXED_SEARCH_STEPS,
  filesStep,
];

/** The steps to run: all, or the named ones plus the build (every other step needs its table). */
export function selectSteps(ids?: readonly string[]): BenchStep[] {
  if (!ids?.length) return STEPS;
  const unknown = ids.filter((id) => !STEPS.some((step) => step.id === id));
  if (unknown.length) {
    throw new Error(
      `unknown step ${unknown.join(', ')}; steps: ${STEPS.map((s) => s.id).join(', ')}`,
    );
  }
  return STEPS.filter((step) => step.id === 'build' || ids.includes(step.id));
}
