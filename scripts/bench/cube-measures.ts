import type { Page } from '@playwright/test';
import { FACET_CUBE_MEASURE, SCORE_CUBE_MEASURE } from '../../src/sql/facet-cube';

export interface CubeMeasure {
  name: string;
  ms: number;
  detail: unknown;
}

/**
 * How long the page took to make its pre-aggregated counts (src/sql/facet-cube.ts), and how many
 * rows each has: the facet cube with the table, score cubes on each category's first chart.
 */
export function cubeMeasures(page: Page): Promise<CubeMeasure[]> {
  return page.evaluate(
    (names) =>
      names.flatMap((name) =>
        performance.getEntriesByName(name, 'measure').map((m) => ({
          name,
          ms: Math.round(m.duration),
          detail: (m as PerformanceMeasure).detail as unknown,
        })),
      ),
    [FACET_CUBE_MEASURE, SCORE_CUBE_MEASURE],
  );
}
