import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { prepareScoreCube, runQuery } from '../../db/engine';
import { buildChartsQuery } from '../../sql/charts';
import { buildReadCube, buildReadSearchCube, cubeAnswers } from '../../sql/facet-cube';
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

/** A category's score cube of one completed search's hits; the next one read replaces it. */
const searchScoreCube = (
  datasetVersion: number,
  searchHits: number,
  category: CategoryId,
): Promise<ScoreCubeColumns> =>
  readCubeOnce(
    datasetVersion,
    `search-score:${searchHits}:${category}`,
    () =>
      runQuery(buildReadSearchCube(searchHits, category), { urgent: true }).then(scoreCubeColumns),
    'search-score:',
  );

/** The chart rows from a cube when one can answer `filters` (src/features/charts/cube-charts.ts). */
async function cubeRows(datasetVersion: number, filters: Filters, category: CategoryId) {
  if (cubeAnswers(filters))
    return cubeChartRows(await scoreCube(datasetVersion, category), filters);
  if (filters.searchHits !== undefined && cubeAnswers(filters, 'search')) {
    const cube = await searchScoreCube(datasetVersion, filters.searchHits, category);
    return cubeChartRows(cube, filters, 'search');
  }
  return undefined;
}

/**
 * Every chart and safety table for one filter state: counted in the page from the category's
 * score cube when it can answer (made and read on its first chart), or under a completed search
 * from that category's cube of its hits, else by a statement over `conversations`; old charts stay
 * shown while new ones run.
 */
export function chartsOptions(datasetVersion: number, filters: Filters, scoreCategory: CategoryId) {
  return queryOptions({
    queryKey: ['charts', datasetVersion, filtersKey(filters), scoreCategory],
    queryFn: async () => {
      const started = performance.now();
      const rows =
        (await cubeRows(datasetVersion, filters, scoreCategory)) ??
        (await runQuery(buildChartsQuery(filters, { scoreCategory }), { urgent: true }));
      // Read by the bench (scripts/bench/chart-step.ts) to split query time from rendering.
      performance.measure(CHARTS_QUERY_MEASURE, { start: started });
      return parseChartRows(rows, scoreCategory);
    },
    placeholderData: keepPreviousData,
  });
}
