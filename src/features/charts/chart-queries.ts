import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { runQuery } from '../../db/engine';
import { buildChartsQuery } from '../../sql/charts';
import { parseChartRows } from '../../sql/charts-data';
import type { CategoryId } from '../../sql/moderation';
import { filtersKey } from '../filters/facet-queries';
import { CHARTS_QUERY_MEASURE } from './measures';
import type { Filters } from '../filters/filters';

/** Every chart and safety table for one filter state; old charts stay shown while new ones run. */
export function chartsOptions(datasetVersion: number, filters: Filters, scoreCategory: CategoryId) {
  return queryOptions({
    queryKey: ['charts', datasetVersion, filtersKey(filters), scoreCategory],
    queryFn: async () => {
      const started = performance.now();
      const rows = await runQuery(buildChartsQuery(filters, { scoreCategory }));
      // Read by the bench (scripts/bench/chart-step.ts) to split query time from rendering.
      performance.measure(CHARTS_QUERY_MEASURE, { start: started });
      return parseChartRows(rows, scoreCategory);
    },
    placeholderData: keepPreviousData,
  });
}
