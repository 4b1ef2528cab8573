import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../db';
import { buildHitDetailsQuery, type HitDetailsRow } from '../../sql/search-hits';

/** Conversation id and model of the first hits, by `row`, for the hits list. */
export function hitDetailsOptions(engine: Engine, datasetId: number, rows: readonly number[]) {
  return queryOptions({
    queryKey: ['search', 'hit-details', datasetId, rows.join(',')],
    queryFn: async () => {
      const details = await engine.query<HitDetailsRow>(buildHitDetailsQuery(rows));
      return new Map(details.map((d) => [Number(d.row), d]));
    },
    placeholderData: keepPreviousData,
  });
}
