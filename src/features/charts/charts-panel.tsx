import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CATEGORIES, type CategoryId } from '../../sql/moderation';
import type { Filters } from '../filters/filters';
import { useFilters } from '../filters/use-filters';
import { CategoryFigure } from './category-figure';
import { chartsOptions } from './chart-queries';
import { ModelCategoryHeatmap } from './model-category-heatmap';
import { filtersForScoreBin } from './score-bin-filter';
import { AttemptsByModelTable, FlaggedByCategoryTable } from './safety-tables';
import { LanguagesFigure, ModelsFigure, ScoresFigure, TurnsFigure } from './value-figures';

/** Adds `value` to a selection unless present: a click on a chart narrows, never toggles off. */
const withValue = <T,>(values: readonly T[], value: T): T[] =>
  values.includes(value) ? [...values] : [...values, value];

/**
 * The charts and safety tables for the current selection. Clicking a bar (or Enter on a focused bar
 * or a table row's button) adds its value to the filters, which live in the URL; a Scores bin sets
 * its category's minimum score.
 */
export function ChartsPanel({ datasetVersion }: { datasetVersion: number }) {
  const { filters, setFilters } = useFilters();
  const [scoreCategory, setScoreCategory] = useState<CategoryId>(CATEGORIES[0].id);
  const query = useQuery(chartsOptions(datasetVersion, filters, scoreCategory));
  const update = (change: (f: Filters) => Partial<Filters>) =>
    setFilters({ ...filters, ...change(filters) });
  const addCategory = (id: CategoryId) =>
    update((f) => ({ categories: withValue(f.categories, id) }));

  if (query.error)
    return (
      <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm">
        Charts could not be computed: {query.error.message}
      </div>
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
      <LanguagesFigure
        data={data}
        empty={empty}
        onSelect={(v) => update((f) => ({ languages: withValue(f.languages, v) }))}
      />
      <ModelsFigure
        data={data}
        empty={empty}
        onSelect={(v) => update((f) => ({ models: withValue(f.models, v) }))}
      />
      <CategoryFigure data={data} empty={empty} onSelect={addCategory} />
      <TurnsFigure
        data={data}
        empty={empty}
        onSelect={(min, max) =>
          update(() => ({ turns: max === undefined ? { min } : { min, max } }))
        }
      />
      <ScoresFigure
        data={data}
        empty={empty}
        category={scoreCategory}
        onCategoryChange={setScoreCategory}
        onSelect={(id, bin) => setFilters(filtersForScoreBin(filters, id, bin))}
      />
      {!empty && (
        <>
          <section className="min-w-0 rounded border border-slate-200 p-3 xl:col-span-2">
            <ModelCategoryHeatmap
              models={data.models}
              onSelect={(model, id) =>
                update((f) => ({
                  models: withValue(f.models, model),
                  categories: withValue(f.categories, id),
                }))
              }
            />
          </section>
          <FlaggedByCategoryTable categories={data.categories} total={total} />
          <AttemptsByModelTable models={data.models} />
        </>
      )}
    </section>
  );
}
