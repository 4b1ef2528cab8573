import type { Page } from '@playwright/test';
import { quoteString } from '../../src/sql/quote';
import type { BrowserSession } from './browser';
import { leafBytes, type NativeSession } from './native';
import type { BenchStep, Sample } from './steps';
import { nativeMatchCondition } from './search-queries';

/** A plain word of the generator's English pack (`scripts/generator/text/en.ts`), in any case. */
export const SEARCH_WORD = 'lighthouse';
const FIRST_HITS = 100;
// The page's measures (src/db/search.ts).
const SEARCH_MEASURE = 'convoscope:search';
const FIRST_HITS_MEASURE = 'convoscope:search-first-hits';
const TIMEOUT_MS = 10 * 60_000;

/**
 * Both search lines come from one search per run: the first-hits line runs it (through the search
 * box, like a user) and keeps the full result for the second line.
 */
const fullSearch = new WeakMap<object, Sample>();

interface PageSearch {
  firstHitsMs: number | null;
  scanMs: number;
  /** From the scan's start to the status line showing `M of N conversations`. */
  countInPageMs: number;
  matches: number;
  rows: number;
  bytes: number;
}

async function searchInPage(page: Page): Promise<PageSearch> {
  await page.evaluate(
    (names) => names.forEach((n) => performance.clearMeasures(n)),
    [SEARCH_MEASURE, FIRST_HITS_MEASURE],
  );
  const box = page.getByRole('searchbox', { name: 'Search conversations' });
  await box.fill(SEARCH_WORD);
  await box.press('Enter');
  const scan = await page
    .waitForFunction(
      (name) => {
        const m = performance.getEntriesByName(name, 'measure')[0] as
          PerformanceMeasure | undefined;
        return m && { start: m.startTime, duration: m.duration, detail: m.detail as unknown };
      },
      SEARCH_MEASURE,
      { timeout: TIMEOUT_MS, polling: 50 },
    )
    .then((h) => h.jsonValue() as Promise<{ start: number; duration: number; detail: unknown }>);
  const detail = scan.detail as { matches: number; rows: number; bytes: number };
  const expected = `${detail.matches.toLocaleString('en-US')} of ${detail.rows.toLocaleString('en-US')} conversations`;
  const countShownAt = await page
    .waitForFunction(
      (text) =>
        document.querySelector('[role="status"]')?.textContent?.trim() === text &&
        performance.now(),
      expected,
      { timeout: TIMEOUT_MS, polling: 'raf' },
    )
    .then((h) => h.jsonValue() as Promise<number>);
  const firstHitsMs = await page.evaluate((name) => {
    const m = performance.getEntriesByName(name, 'measure')[0];
    return m ? m.duration : null;
  }, FIRST_HITS_MEASURE);
  // Leave the page as it was for any later line.
  await box.fill('');
  return {
    firstHitsMs,
    scanMs: scan.duration,
    countInPageMs: countShownAt - scan.start,
    matches: detail.matches,
    rows: detail.rows,
    bytes: detail.bytes,
  };
}

/** Native DuckDB's equivalent: the same case-insensitive match over every message's content. */
function nativeMatchSql(session: NativeSession, select: string, tail = ''): string {
  const files = `[${session.dataset.shards.map((s) => quoteString(s.path)).join(', ')}]`;
  return `SELECT ${select} FROM read_parquet(${files})
    WHERE ${nativeMatchCondition(`(?i)${SEARCH_WORD}`)} ${tail}`;
}

const nativeSearch = new WeakMap<object, Sample>();
const nativeTextBytes = new WeakMap<object, number>();

async function textBytes(session: NativeSession): Promise<number> {
  let bytes = nativeTextBytes.get(session.dataset);
  if (bytes === undefined) {
    bytes = await leafBytes(session, (leaf) => !leaf.startsWith('conversation.'));
    nativeTextBytes.set(session.dataset, bytes);
  }
  return bytes;
}

export const SEARCH_STEPS: BenchStep[] = [
  {
    id: 'search-first-hits',
    label: `search "${SEARCH_WORD}": first ${FIRST_HITS} hits`,
    budget: { kind: 'median-ms', max: 300 },
    nativeBytesEstimated: true,
    ours: async (session: BrowserSession) => {
      const result = await searchInPage(session.page);
      fullSearch.set(session, {
        ms: result.countInPageMs,
        bytes: result.bytes,
        rows: result.rows,
        extra: { scanMs: result.scanMs, matches: result.matches },
      });
      return {
        ms: result.firstHitsMs ?? result.scanMs,
        extra: { matches: result.matches, firstHitsMeasured: result.firstHitsMs !== null },
      };
    },
    native: async (session) => {
      const ms = await session.time(nativeMatchSql(session, '1', `LIMIT ${FIRST_HITS}`));
      const started = performance.now();
      const matches = Number(await session.scalar(nativeMatchSql(session, 'count(*)')));
      nativeSearch.set(session, {
        ms: performance.now() - started,
        bytes: await textBytes(session),
        extra: { matches },
      });
      return { ms };
    },
  },
  {
    id: 'search',
    label: `search "${SEARCH_WORD}": full count shown`,
    budget: { kind: 'ratio', max: 1.5 },
    nativeBytesEstimated: true,
    ours: async (session) => {
      const sample = fullSearch.get(session);
      if (!sample) throw new Error('the search-first-hits line did not run first');
      return sample;
    },
    native: async (session) => {
      const sample = nativeSearch.get(session);
      if (!sample) throw new Error('the search-first-hits line did not run first');
      return sample;
    },
  },
];
