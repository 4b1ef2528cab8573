import type { DuckDBConnection } from '@duckdb/node-api';
import type { Locator, Page } from '@playwright/test';
import { parseFilters } from '../../src/features/filters/url-state';
import type { Filters } from '../../src/features/filters/filters';
import { buildFacetCountsQuery } from '../../src/sql/facets';
import type { SqlQuery } from '../../src/sql/query';
import { prepareBound } from '../../src/db/testing/node-shards';
import { median } from './report';
import type { BenchStep, Sample } from './steps';

const UPDATE_TIMEOUT_MS = 60_000;

/**
 * The clicks of one run, each leaving a filter state not seen before in the session (so no count
 * comes from the query cache): values, histogram bars, radios and categories, mixed.
 */
const CLICKS: ((filters: Locator) => Locator)[] = [
  (f) => group(f, 'Model').getByRole('checkbox').nth(0),
  (f) => group(f, 'Language').getByRole('checkbox').nth(0),
  (f) => group(f, 'Turns').getByRole('button', { name: /^2 turns:/ }),
  (f) => f.getByRole('radio', { name: 'Any message' }),
  (f) => f.getByRole('checkbox', { name: 'harassment', exact: true }),
  (f) => group(f, 'Model').getByRole('checkbox').nth(1),
  (f) => group(f, 'Turns').getByRole('button', { name: /^1 turn:/ }),
  (f) => f.getByRole('checkbox', { name: 'violence', exact: true }),
  (f) => f.getByRole('radio', { name: 'All of' }),
  (f) => f.getByRole('radio', { name: 'All conversations' }),
  (f) => group(f, 'Language').getByRole('checkbox').nth(1),
  (f) => group(f, 'Model').getByRole('checkbox').nth(0),
  (f) => f.getByRole('checkbox', { name: 'hate', exact: true }),
  (f) => f.getByRole('radio', { name: 'Any of' }),
  (f) => group(f, 'Turns').getByRole('button', { name: /^11\+ turns:/ }),
  (f) => f.getByRole('radio', { name: 'None' }),
  (f) => group(f, 'Redacted').getByRole('checkbox', { name: 'Not redacted', exact: true }),
  (f) => f.getByRole('checkbox', { name: 'harassment', exact: true }),
  (f) => group(f, 'Language').getByRole('checkbox').nth(0),
  (f) => group(f, 'Turns').getByRole('button', { name: /^3 turns:/ }),
];

const group = (filters: Locator, name: string) => filters.getByRole('group', { name });

/** The filter states the browser went through, replayed by native DuckDB in the same run. */
let visitedStates: Filters[] = [];

/**
 * Resolves with the milliseconds from the next click anywhere on the page to the first frame after
 * the Filters region stops being busy (every facet count of the new state on screen).
 */
function armTiming(timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const region = document.querySelector('section[aria-label="Filters"]');
    if (!region) return reject(new Error('no Filters region'));
    let start: number | undefined;
    let sawBusy = false;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('the Filters region did not finish updating'));
    }, timeoutMs);
    document.addEventListener('click', () => (start = performance.now()), {
      capture: true,
      once: true,
    });
    const observer = new MutationObserver(() => {
      const busy = region.getAttribute('aria-busy') === 'true';
      if (busy) sawBusy = true;
      else if (sawBusy && start !== undefined) {
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve(performance.now() - start!));
      }
    });
    observer.observe(region, { attributes: true, attributeFilter: ['aria-busy'] });
  });
}

async function timeClick(page: Page, target: Locator): Promise<number> {
  await target.scrollIntoViewIfNeeded();
  const timing = page.evaluate(armTiming, UPDATE_TIMEOUT_MS);
  // Let the observer attach before the click.
  await page.evaluate(() => new Promise(requestAnimationFrame));
  await target.click();
  return timing;
}

async function runPrepared(connection: DuckDBConnection, query: SqlQuery): Promise<number> {
  const started = performance.now();
  await (await prepareBound(connection, query)).runAndReadAll();
  return performance.now() - started;
}

export const facetStep: BenchStep = {
  id: 'facets',
  label: `filter change: every facet count updated (median of ${CLICKS.length})`,
  budget: { kind: 'median-ms', max: 100 },
  async ours({ page }): Promise<Sample> {
    const filters = page.getByRole('region', { name: 'Filters' });
    const times: number[] = [];
    visitedStates = [];
    for (const click of CLICKS) {
      times.push(await timeClick(page, click(filters)));
      visitedStates.push(parseFilters(new URL(page.url()).searchParams).filters);
    }
    const unique = new Set(visitedStates.map((f) => JSON.stringify(f))).size;
    await filters.getByRole('button', { name: 'Clear all' }).click();
    return {
      ms: median(times),
      extra: { states: visitedStates.length, unique, times: times.map(Math.round) },
    };
  },
  async native({ connection }): Promise<Sample> {
    if (visitedStates.length === 0) throw new Error('the browser recorded no filter states');
    const times: number[] = [];
    for (const filters of visitedStates)
      times.push(await runPrepared(connection, buildFacetCountsQuery(filters)));
    return { ms: median(times), extra: { times: times.map(Math.round) } };
  },
};
