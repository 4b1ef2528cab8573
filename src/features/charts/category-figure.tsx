import { useState } from 'react';
import type { ChartData } from '../../model/chart-data';
import type { CategoryId } from '../../model/moderation';
import { CategoryChart } from './category-chart';
import { CategoryTable } from './category-table';
import { ChartFigure, toggleClass } from './chart-figure';

export function CategoryFigure({
  data,
  empty,
  onSelect,
}: {
  data: ChartData;
  empty: boolean;
  onSelect: (id: CategoryId) => void;
}) {
  const [asShare, setAsShare] = useState(false);
  return (
    <ChartFigure
      caption="Moderation categories"
      empty={empty}
      controls={
        <button
          type="button"
          aria-pressed={asShare}
          onClick={() => setAsShare(!asShare)}
          className={toggleClass}
        >
          Share of selection
        </button>
      }
      table={
        <CategoryTable categories={data.categories} total={data.matching} onSelect={onSelect} />
      }
    >
      <p className="text-xs text-slate-500">
        The side split is per conversation: a user (assistant) message was flagged, not necessarily
        for this category.
      </p>
      <CategoryChart
        categories={data.categories}
        total={data.matching}
        asShare={asShare}
        onSelect={onSelect}
      />
    </ChartFigure>
  );
}
