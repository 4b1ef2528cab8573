import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { runQuery } from '../../db/engine/engine';
import { buildHitDetailsQuery, type HitDetailsRow } from '../../sql/search-hits';

/** Conversation id and model of the first hits, by `row`, for the hits list. */
export function hitDetailsOptions(datasetVersion: number, rows: readonly number[]) {
  return queryOptions({
    queryKey: ['search', 'hit-details', datasetVersion, rows.join(',')],
    queryFn: async () => {
      const details = await runQuery<HitDetailsRow>(buildHitDetailsQuery(rows));
      return new Map(details.map((d) => [Number(d.row), d]));
    },
    placeholderData: keepPreviousData,
  });
}
