import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { prepareScoreCube, runQuery } from '../../db/engine';
import { buildChartsQuery } from '../../sql/charts';
import { buildReadCube, cubeAnswers } from '../../sql/facet-cube';
import { parseChartRows } from '../../sql/charts-data';
import { cubeChartRows, scoreCubeColumns, type ScoreCubeColumns } from './cube-charts';
import type { CategoryId } from '../../sql/moderation';
import { readCubeOnce } from '../filters/cube-reads';
import { filtersKey } from '../filters/facet-queries';
import { CHARTS_QUERY_MEASURE } from './measures';
import type { Filters } from '../filters/filters';

/** A category's score cube of the open dataset, made and read into the page on its first chart. */
const scoreCube = (datasetVersion: number, category: CategoryId): Promise<ScoreCubeColumns> =>
  readCubeOnce(datasetVersion, `score:${category}`, () =>
    prepareScoreCube(category)
      .then(() => runQuery({ sql: buildReadCube(category), params: [] }, { urgent: true }))
      .then(scoreCubeColumns),
  );

/**
 * Every chart and safety table for one filter state: counted in the page from the category's
 * score cube when it can answer (made and read on its first chart; src/features/charts/cube-charts.ts),
 * else by a statement over `conversations`; old charts stay shown while new ones run.
 */
export function chartsOptions(datasetVersion: number, filters: Filters, scoreCategory: CategoryId) {
  return queryOptions({
    queryKey: ['charts', datasetVersion, filtersKey(filters), scoreCategory],
    queryFn: async () => {
      const started = performance.now();
      const rows = cubeAnswers(filters)
        ? cubeChartRows(await scoreCube(datasetVersion, scoreCategory), filters)
        : await runQuery(buildChartsQuery(filters, { scoreCategory }), { urgent: true });
      // Read by the bench (scripts/bench/chart-step.ts) to split query time from rendering.
      performance.measure(CHARTS_QUERY_MEASURE, { start: started });
      return parseChartRows(rows, scoreCategory);
    },
    placeholderData: keepPreviousData,
  });
}
