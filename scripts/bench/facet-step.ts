import type { Locator } from '@playwright/test';
import { parseFilters } from '../../src/features/filters/url-state';
import type { Filters } from '../../src/features/filters/filters';
import { buildFacetCountsQuery } from '../../src/sql/facets';
import { timeClickUntilSettled, timePrepared } from './click-timing';
import { cubeMeasures } from './cube-measures';
import { median } from './report';
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

export const facetStep: BenchStep = {
  id: 'facets',
  label: `filter change: every facet count updated (median of ${CLICKS.length})`,
  budget: { kind: 'median-ms', max: 100 },
  async ours({ page }): Promise<Sample> {
    const filters = page.getByRole('region', { name: 'Filters' });
    const times: number[] = [];
    visitedStates = [];
    for (const click of CLICKS) {
      times.push(await timeClickUntilSettled(page, click(filters), 'Filters'));
      visitedStates.push(parseFilters(new URL(page.url()).searchParams).filters);
    }
    const unique = new Set(visitedStates.map((f) => JSON.stringify(f))).size;
    await filters.getByRole('button', { name: 'Clear all' }).click();
    return {
      ms: median(times),
      extra: {
        states: visitedStates.length,
        unique,
        times: times.map(Math.round),
        cubes: await cubeMeasures(page),
      },
    };
  },
  async native({ connection }): Promise<Sample> {
    if (visitedStates.length === 0) throw new Error('the browser recorded no filter states');
    const times: number[] = [];
    for (const filters of visitedStates)
      times.push(await timePrepared(connection, buildFacetCountsQuery(filters)));
    return { ms: median(times), extra: { times: times.map(Math.round) } };
  },
};
