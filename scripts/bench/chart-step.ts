import type { DuckDBConnection } from '@duckdb/node-api';
import type { Locator, Page } from '@playwright/test';
import type { Filters } from '../../src/features/filters/filters';
import { CHARTS_QUERY_MEASURE } from '../../src/features/charts/measures';
import { parseFilters } from '../../src/features/filters/url-state';
import { buildChartsQuery } from '../../src/sql/charts';
import type { SqlQuery } from '../../src/sql/query';
import { prepareBound } from '../../src/db/testing/node-shards';
import { median } from './report';
import type { BenchStep, Sample } from './steps';

const UPDATE_TIMEOUT_MS = 60_000;
const SCORE_CATEGORY = 'harassment';

/**
 * Clicks in the Languages and Models tables and the categories table (their "Show as table" rows),
 * each adding one filter: every click leaves a state the query cache has not seen.
 */
const CLICKS: ((charts: Locator) => Locator)[] = [
  (c) => table(c, 'Models').getByRole('button').nth(0),
  (c) => table(c, 'Languages').getByRole('button').nth(0),
  (c) => table(c, 'Moderation categories').getByRole('button').nth(0),
  (c) => table(c, 'Turns').getByRole('button').nth(1),
];

const table = (charts: Locator, caption: string) =>
  charts.getByRole('figure', { name: caption }).getByRole('table');

let visitedStates: Filters[] = [];

/** Milliseconds from the next click to the first frame after the Charts section stops being busy. */
function armTiming(timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const section = document.querySelector('section[aria-label="Charts"]');
    if (!section) return reject(new Error('no Charts section: mount ChartsPanel first'));
    let start: number | undefined;
    let sawBusy = false;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('the Charts section did not finish updating'));
    }, timeoutMs);
    document.addEventListener('click', () => (start = performance.now()), {
      capture: true,
      once: true,
    });
    const observer = new MutationObserver(() => {
      const busy = section.getAttribute('aria-busy') === 'true';
      if (busy) sawBusy = true;
      else if (sawBusy && start !== undefined) {
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve(performance.now() - start!));
      }
    });
    observer.observe(section, { attributes: true, attributeFilter: ['aria-busy'] });
  });
}

async function timeClick(page: Page, target: Locator): Promise<number> {
  await target.scrollIntoViewIfNeeded();
  const timing = page.evaluate(armTiming, UPDATE_TIMEOUT_MS);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  await target.click();
  return timing;
}

async function runPrepared(connection: DuckDBConnection, query: SqlQuery): Promise<number> {
  const started = performance.now();
  await (await prepareBound(connection, query)).runAndReadAll();
  return performance.now() - started;
}

/**
 * Time to recompute every chart after a filter change, beside native DuckDB running the same
 * statement for the same filter states. Needs the Charts view on screen: it opens it with
 * `view=charts` (the integrator's mount decides the final way in).
 */
export const chartStep: BenchStep = {
  id: 'charts',
  label: `filter change: every chart updated (median of ${CLICKS.length})`,
  budget: { kind: 'median-ms', max: 100 },
  async ours({ page, ready }): Promise<Sample> {
    const url = new URL(page.url());
    if (url.searchParams.get('view') !== 'charts') {
      url.searchParams.set('view', 'charts');
      await page.goto(url.toString());
      await page
        .getByText(`${ready.rows.toLocaleString('en-US')} conversations`)
        .first()
        .waitFor({ timeout: 5 * 60_000 });
    }
    const charts = page.getByRole('region', { name: 'Charts' });
    await charts.waitFor({ timeout: UPDATE_TIMEOUT_MS });
    for (const caption of ['Models', 'Languages', 'Moderation categories', 'Turns'])
      await charts
        .getByRole('figure', { name: caption })
        .getByRole('button', { name: 'Show as table' })
        .click();
    const times: number[] = [];
    visitedStates = [];
    await page.evaluate((name) => performance.clearMeasures(name), CHARTS_QUERY_MEASURE);
    for (const click of CLICKS) {
      times.push(await timeClick(page, click(charts)));
      visitedStates.push(parseFilters(new URL(page.url()).searchParams).filters);
    }
    // The engine's share of each update: the charts statement alone (it queues behind the facets'
    // and the list's statements on the one DuckDB connection, so it is not the whole wait).
    const queryMs = await page.evaluate(
      (name) => performance.getEntriesByName(name, 'measure').map((m) => Math.round(m.duration)),
      CHARTS_QUERY_MEASURE,
    );
    return {
      ms: median(times),
      extra: { states: visitedStates.length, times: times.map(Math.round), queryMs },
    };
  },
  async native({ connection }): Promise<Sample> {
    if (visitedStates.length === 0) throw new Error('the browser recorded no filter states');
    const times: number[] = [];
    for (const filters of visitedStates)
      times.push(
        await runPrepared(connection, buildChartsQuery(filters, { scoreCategory: SCORE_CATEGORY })),
      );
    return { ms: median(times), extra: { times: times.map(Math.round) } };
  },
};
