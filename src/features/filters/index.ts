export { readCubeOnce } from './cube-reads';
export { filtersKey } from './facet-queries';
export { FilterChips } from './filter-chips';
export { FilterPanel } from './filter-panel';
export { type FilterSubsets, FilterSubsetsContext } from './filter-subsets';
export { UrlProblemsNotice } from './url-problems-notice';
export { useFilters } from './use-filters';
export { useMatchingCount } from './use-matching-count';
