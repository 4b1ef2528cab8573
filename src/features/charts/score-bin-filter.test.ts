import { describe, expect, it } from 'vitest';
import { SCORE_BIN_COUNT, parseChartRows } from '../../model/chart-data';
import { EMPTY_FILTERS, type Filters } from '../../model/filters';
import { parseFilters, withFilters } from '../../model/filters-url';
import { filtersForScoreBin, isScoreBinSelectable } from './score-bin-filter';

const bins = parseChartRows([], 'harassment').scores;
const bin = (label: string) => {
  const found = bins.find((b) => b.label === label);
  if (!found) throw new Error(`no bin ${label}`);
  return found;
};

describe('a click on a Scores bin', () => {
  it("sets the category's minimum score to the bin's lower edge, keeping other filters", () => {
    const filters: Filters = { ...EMPTY_FILTERS, models: ['gpt-4'], minScores: { hate: 0.2 } };
    expect(filtersForScoreBin(filters, 'harassment', bin('0.5–0.6'))).toEqual({
      ...filters,
      minScores: { hate: 0.2, harassment: 0.5 },
    });
    expect(filtersForScoreBin(filters, 'sexual', bin('1e-4–1e-3')).minScores).toEqual({
      hate: 0.2,
      sexual: 1e-4,
    });
  });

  it('replaces a minimum already set for the same category, lower or higher', () => {
    const filters: Filters = { ...EMPTY_FILTERS, minScores: { violence: 0.9 } };
    expect(filtersForScoreBin(filters, 'violence', bin('0.3–0.4')).minScores).toEqual({
      violence: 0.3,
    });
  });

  it('leaves the filters alone for the first bin, which starts at 0', () => {
    expect(isScoreBinSelectable(bins[0]!)).toBe(false);
    expect(filtersForScoreBin(EMPTY_FILTERS, 'hate', bins[0]!)).toBe(EMPTY_FILTERS);
    expect(bins.slice(1).every(isScoreBinSelectable)).toBe(true);
    expect(bins).toHaveLength(SCORE_BIN_COUNT);
  });

  it('lands in the URL as min.<category> and reads back the same', () => {
    const next = filtersForScoreBin(EMPTY_FILTERS, 'self_harm', bin('0.9–1'));
    const params = new URLSearchParams(withFilters(new URLSearchParams('view=charts'), next));
    expect(params.get('min.self_harm')).toBe('0.9');
    expect(params.get('view')).toBe('charts');
    expect(parseFilters(params).filters.minScores).toEqual({ self_harm: 0.9 });
  });
});
