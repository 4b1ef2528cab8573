import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../db';
import { buildChartsQuery } from '../../sql/charts';
import { buildReadCube, buildReadSubsetCube } from '../../sql/facet-cube';
import { cubeAnswers, storedSubset, subsetKey, type StoredSubset } from '../../model/stored-subset';
import { parseChartRows } from '../../model/chart-data';
import { cubeChartRows, scoreCubeColumns, type ScoreCubeColumns } from '../../model/cube-charts';
import type { CategoryId } from '../../model/moderation';
import { readCubeOnce, filtersKey } from '../filters';
import { CHARTS_QUERY_MEASURE } from './measures';
import type { Filters } from '../../model/filters';

/** A category's score cube of the open dataset, made and read into the page on its first chart. */
const scoreCube = (
  engine: Engine,
  datasetId: number,
  category: CategoryId,
): Promise<ScoreCubeColumns> =>
  readCubeOnce(datasetId, `score:${category}`, () =>
    engine
      .prepareScoreCube(category)
      .then(() => engine.query({ sql: buildReadCube(category), params: [] }, { urgent: true }))
      .then(scoreCubeColumns),
  );

/** A category's score cube of a stored subset (search hits, stored ids); the last 4 kept. */
const subsetScoreCube = (
  engine: Engine,
  datasetId: number,
  subset: StoredSubset,
  category: CategoryId,
): Promise<ScoreCubeColumns> =>
  readCubeOnce(
    datasetId,
    `subset-score:${subsetKey(subset)}:${category}`,
    () =>
      engine.query(buildReadSubsetCube(subset, category), { urgent: true }).then(scoreCubeColumns),
    { prefix: 'subset-score:', keep: 4 },
  );

/** The chart rows from a cube when one can answer `filters` (src/model/cube-charts.ts). */
async function cubeRows(engine: Engine, datasetId: number, filters: Filters, category: CategoryId) {
  if (cubeAnswers(filters))
    return cubeChartRows(await scoreCube(engine, datasetId, category), filters);
  const subset = storedSubset(filters);
  if (subset && cubeAnswers(filters, 'subset'))
    return cubeChartRows(
      await subsetScoreCube(engine, datasetId, subset, category),
      filters,
      'subset',
    );
  return undefined;
}

/**
 * Every chart and safety table for one filter state: counted in the page from the category's
 * score cube when it can answer (made and read on its first chart), or under a completed search
 * or stored ids from that category's cube of those rows, else by a statement over
 * `conversations`; old charts stay shown while new ones run.
 */
export function chartsOptions(
  engine: Engine,
  datasetId: number,
  filters: Filters,
  scoreCategory: CategoryId,
) {
  return queryOptions({
    queryKey: ['charts', datasetId, filtersKey(filters), scoreCategory],
    queryFn: async () => {
      const started = performance.now();
      const rows =
        (await cubeRows(engine, datasetId, filters, scoreCategory)) ??
        (await engine.query(buildChartsQuery(filters, { scoreCategory }), { urgent: true }));
      // Read by the bench (scripts/bench/chart-step.ts) to split query time from rendering.
      performance.measure(CHARTS_QUERY_MEASURE, { start: started });
      return parseChartRows(rows, scoreCategory);
    },
    placeholderData: keepPreviousData,
  });
}
