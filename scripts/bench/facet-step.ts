import type { Locator, Page } from '@playwright/test';
import { parseFilters } from '../../src/model/filters-url';
import type { Filters } from '../../src/model/filters';
import { buildFacetCountsQuery } from '../../src/sql/facets';
import { timeClickUntilSettled, timePrepared } from './click-timing';
import { cubeMeasures } from './cube-measures';
import { navigateInPage } from './page-probes';
import { median } from './report';
import { SEARCH_WORD } from './search-step';
import type { BenchStep, Sample } from './steps';

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

/** Each click timed until the Filters region settles, with the state it left; cleared after. */
async function clickFacets(page: Page, clicks: typeof CLICKS) {
  const filters = page.getByRole('region', { name: 'Filters' });
  const times: number[] = [];
  const states: Filters[] = [];
  for (const click of clicks) {
    times.push(await timeClickUntilSettled(page, click(filters), 'Filters'));
    states.push(parseFilters(new URL(page.url()).searchParams).filters);
  }
  const unique = new Set(states.map((f) => JSON.stringify(f))).size;
  await filters.getByRole('button', { name: 'Clear all' }).click();
  return { times: times.map(Math.round), states, unique, cubes: await cubeMeasures(page) };
}

export const facetStep: BenchStep = {
  id: 'facets',
  label: `filter change: every facet count updated (median of ${CLICKS.length})`,
  budget: { kind: 'median-ms', max: 100 },
  async ours({ page }): Promise<Sample> {
    const { times, states, unique, cubes } = await clickFacets(page, CLICKS);
    visitedStates = states;
    return { ms: median(times), extra: { states: states.length, unique, times, cubes } };
  },
  async native({ connection }): Promise<Sample> {
    if (visitedStates.length === 0) throw new Error('the browser recorded no filter states');
    const times: number[] = [];
    for (const filters of visitedStates)
      times.push(await timePrepared(connection, buildFacetCountsQuery(filters)));
    return { ms: median(times), extra: { times: times.map(Math.round) } };
  },
};

/**
 * The first clicks only (the later ones name options that have no hits under the search): under
 * a search the facet cube cannot answer, and a cube of the search's hits does
 * (`buildReadSubsetCube` in src/sql/facet-cube.ts). No native line: native DuckDB has no
 * `search_hits` of the page's scan.
 */
const SEARCH_CLICKS = CLICKS.slice(0, 10);
const SEARCH_TIMEOUT_MS = 10 * 60_000;

export const facetSearchStep: BenchStep = {
  id: 'facets-in-search',
  label: `filter change under a search: every facet count (median of ${SEARCH_CLICKS.length})`,
  budget: { kind: 'median-ms', max: 100 },
  async ours({ page }): Promise<Sample> {
    await navigateInPage(page, { q: SEARCH_WORD }, { fromDataOnly: true });
    const status = page.getByRole('banner').getByRole('status');
    await status.filter({ hasText: /^[\d,]+ of [\d,]+ conversations$/ }).waitFor({
      timeout: SEARCH_TIMEOUT_MS,
    });
    const { times, unique } = await clickFacets(page, SEARCH_CLICKS);
    await navigateInPage(page, {}, { fromDataOnly: true });
    return { ms: median(times), extra: { word: SEARCH_WORD, states: unique, times } };
  },
};
