import { useQuery } from '@tanstack/react-query';
import { useEngine } from '../../db';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { CATEGORIES, type CategoryId } from '../../model/moderation';
import type { ScoreBin } from '../../model/chart-data';
import type { Filters } from '../../model/filters';
import { useFilters } from '../filters';
import { CategoryFigure } from './category-figure';
import { chartsOptions } from './chart-queries';
import { ModelCategoryHeatmap } from './model-category-heatmap';
import { filtersForScoreBin } from './score-bin-filter';
import { AttemptsByModelTable, FlaggedByCategoryTable } from './safety-tables';
import { LanguagesFigure, ModelsFigure, ScoresFigure, TurnsFigure } from './value-figures';
import { Notice } from '../../components/notice';

/**
 * Memoized, with stable handlers below: while a filter click's new counts are computed the panel
 * shows the previous ones (placeholder data, the same objects), and Recharts redraws a figure only
 * when its own props change, not for the busy state alone (redrawing every chart is slow).
 */
const Languages = memo(LanguagesFigure);
const Models = memo(ModelsFigure);
const Categories = memo(CategoryFigure);
const Turns = memo(TurnsFigure);
const Scores = memo(ScoresFigure);
const Heatmap = memo(ModelCategoryHeatmap);
const FlaggedTable = memo(FlaggedByCategoryTable);
const AttemptsTable = memo(AttemptsByModelTable);

/** Adds `value` to a selection unless present: a click on a chart narrows, never toggles off. */
const withValue = <T,>(values: readonly T[], value: T): T[] =>
  values.includes(value) ? [...values] : [...values, value];

/**
 * The charts and safety tables for the current selection. Clicking a bar (or Enter on a focused bar
 * or a table row's button) adds its value to the filters, which live in the URL; a Scores bin sets
 * its category's minimum score.
 */
export function ChartsPanel({ datasetId }: { datasetId: number }) {
  const engine = useEngine();
  const { filters, setFilters } = useFilters();
  const [scoreCategory, setScoreCategory] = useState<CategoryId>(CATEGORIES[0].id);
  const query = useQuery(chartsOptions(engine, datasetId, filters, scoreCategory));
  // The handlers read the filters at click time, so they stay the same functions across renders.
  const latest = useRef(filters);
  useLayoutEffect(() => {
    latest.current = filters;
  });
  const update = useCallback(
    (change: (f: Filters) => Partial<Filters>) =>
      setFilters({ ...latest.current, ...change(latest.current) }),
    [setFilters],
  );
  const on = useMemo(
    () => ({
      language: (v: string) => update((f) => ({ languages: withValue(f.languages, v) })),
      model: (v: string) => update((f) => ({ models: withValue(f.models, v) })),
      category: (id: CategoryId) => update((f) => ({ categories: withValue(f.categories, id) })),
      turns: (min: number, max?: number) =>
        update(() => ({ turns: max === undefined ? { min } : { min, max } })),
      scoreBin: (id: CategoryId, bin: ScoreBin) =>
        setFilters(filtersForScoreBin(latest.current, id, bin)),
      modelCategory: (model: string, id: CategoryId) =>
        update((f) => ({
          models: withValue(f.models, model),
          categories: withValue(f.categories, id),
        })),
    }),
    [update, setFilters],
  );

  if (query.error)
    return (
      <Notice tone="error" as="div">
        Charts could not be computed: {query.error.message}
      </Notice>
    );
  const data = query.data;
  if (!data) return <p className="text-sm text-slate-500">Computing charts…</p>;
  const total = data.matching;
  const empty = total === 0;
  return (
    <section
      aria-label="Charts"
      aria-busy={query.isPlaceholderData}
      className="grid grid-cols-1 gap-3 xl:grid-cols-2"
    >
      <Languages data={data} empty={empty} onSelect={on.language} />
      <Models data={data} empty={empty} onSelect={on.model} />
      <Categories data={data} empty={empty} onSelect={on.category} />
      <Turns data={data} empty={empty} onSelect={on.turns} />
      <Scores
        data={data}
        empty={empty}
        category={scoreCategory}
        onCategoryChange={setScoreCategory}
        onSelect={on.scoreBin}
      />
      {!empty && (
        <>
          <section className="min-w-0 rounded border border-slate-200 p-3 xl:col-span-2">
            <Heatmap models={data.models} onSelect={on.modelCategory} />
          </section>
          <FlaggedTable categories={data.categories} total={total} />
          <AttemptsTable models={data.models} />
        </>
      )}
    </section>
  );
}
