import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { prepareScoreCube, runQuery } from '../../db/engine';
import { buildChartsQuery } from '../../sql/charts';
import { BASE_SOURCE } from '../../sql/facet-cube-source';
import { chartSourceFor } from '../../sql/facet-cube';
import { parseChartRows } from '../../sql/charts-data';
import type { CategoryId } from '../../sql/moderation';
import { filtersKey } from '../filters/facet-queries';
import { CHARTS_QUERY_MEASURE } from './measures';
import type { Filters } from '../filters/filters';

/**
 * Every chart and safety table for one filter state, from the category's pre-aggregated counts when
 * they can answer it (made on its first chart; src/sql/facet-cube.ts); old charts stay shown while
 * new ones run.
 */
export function chartsOptions(datasetVersion: number, filters: Filters, scoreCategory: CategoryId) {
  return queryOptions({
    queryKey: ['charts', datasetVersion, filtersKey(filters), scoreCategory],
    queryFn: async () => {
      const started = performance.now();
      const source = chartSourceFor(filters, scoreCategory);
      if (source !== BASE_SOURCE) await prepareScoreCube(scoreCategory);
      const rows = await runQuery(buildChartsQuery(filters, { scoreCategory, source }), {
        urgent: true,
      });
      // Read by the bench (scripts/bench/chart-step.ts) to split query time from rendering.
      performance.measure(CHARTS_QUERY_MEASURE, { start: started });
      return parseChartRows(rows, scoreCategory);
    },
    placeholderData: keepPreviousData,
  });
}
