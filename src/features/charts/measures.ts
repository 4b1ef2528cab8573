/** The performance measure of one charts statement (read by scripts/bench/chart-step.ts). */
export const CHARTS_QUERY_MEASURE = 'convoscope:charts-query';
