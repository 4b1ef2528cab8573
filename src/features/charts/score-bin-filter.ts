import type { ScoreBin } from '../../model/chart-data';
import type { CategoryId } from '../../model/moderation';
import { withMinScore, type Filters } from '../../model/filters';

/**
 * The first bin starts at 0, and a minimum of 0 would only drop conversations without a score (the
 * minimum-score slider treats 0 as "no minimum" for that reason): it selects nothing.
 */
export const isScoreBinSelectable = (bin: ScoreBin) => bin.min > 0;

/**
 * What a click on a Scores bin does: the category's minimum score becomes the bin's lower edge,
 * replacing any minimum already set for that category and keeping every other filter.
 */
export function filtersForScoreBin(filters: Filters, category: CategoryId, bin: ScoreBin): Filters {
  if (!isScoreBinSelectable(bin)) return filters;
  return withMinScore(filters, category, bin.min);
}
