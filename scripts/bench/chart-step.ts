import type { Locator } from '@playwright/test';
import type { Filters } from '../../src/model/filters';
import { CHARTS_QUERY_MEASURE } from '../../src/features/charts/measures';
import { parseFilters } from '../../src/model/filters-url';
import { buildChartsQuery } from '../../src/sql/charts';
import { timeClickUntilSettled, timePrepared } from './click-timing';
import { cubeMeasures } from './cube-measures';
import { navigateInPage } from './page-probes';
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

/**
 * Time to recompute every chart after a filter change, beside native DuckDB running the same
 * statement for the same filter states. Opens the Charts view in the page (`view=charts`, no
 * reload, so the built table is reused).
 */
export const chartStep: BenchStep = {
  id: 'charts',
  label: `filter change: every chart updated (median of ${CLICKS.length})`,
  budget: { kind: 'median-ms', max: 100 },
  async ours({ page }): Promise<Sample> {
    await navigateInPage(page, { view: 'charts' });
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
      times.push(await timeClickUntilSettled(page, click(charts), 'Charts'));
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
      extra: {
        states: visitedStates.length,
        times: times.map(Math.round),
        queryMs,
        cubes: await cubeMeasures(page),
      },
    };
  },
  async native({ connection }): Promise<Sample> {
    if (visitedStates.length === 0) throw new Error('the browser recorded no filter states');
    const times: number[] = [];
    for (const filters of visitedStates)
      times.push(
        await timePrepared(
          connection,
          buildChartsQuery(filters, { scoreCategory: SCORE_CATEGORY }),
        ),
      );
    return { ms: median(times), extra: { times: times.map(Math.round) } };
  },
};
