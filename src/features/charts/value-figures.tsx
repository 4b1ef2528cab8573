import { useState } from 'react';
import { formatCount } from '../../lib/format';
import { SCORE_EDGES } from '../../model/chart-data';
import { scoreBinLabel, type ChartData, type ScoreBin } from '../../model/chart-data';
import { CATEGORIES, type CategoryId } from '../../model/moderation';
import { ChartFigure, toggleClass } from './chart-figure';
import { CountBarChart } from './count-bar-chart';
import { PALETTE } from './palette';
import { isScoreBinSelectable } from './score-bin-filter';
import { ValueTable, type ValueRow } from './value-table';

interface FigureProps {
  data: ChartData;
  empty: boolean;
}

export function LanguagesFigure({
  data,
  empty,
  onSelect,
}: FigureProps & { onSelect: (language: string) => void }) {
  const [log, setLog] = useState(false);
  const rows: ValueRow[] = data.languages.map((l) => ({
    key: l.value,
    label: l.value,
    count: l.count,
    selectable: true,
  }));
  if (data.otherLanguages > 0)
    rows.push({
      key: '\u0000other',
      label: 'Other languages',
      count: data.otherLanguages,
      selectable: false,
    });
  return (
    <ChartFigure
      caption="Languages"
      empty={empty}
      controls={
        <button
          type="button"
          aria-pressed={log}
          onClick={() => setLog(!log)}
          className={toggleClass}
        >
          Log scale
        </button>
      }
      table={
        <ValueTable
          caption="Languages"
          labelHeader="Language"
          rows={rows}
          total={data.matching}
          onSelect={onSelect}
        />
      }
    >
      <CountBarChart
        title="Languages"
        rows={rows}
        total={data.matching}
        layout="horizontal"
        scale={log ? 'log' : 'linear'}
        onSelect={onSelect}
      />
    </ChartFigure>
  );
}

export function ModelsFigure({
  data,
  empty,
  onSelect,
}: FigureProps & { onSelect: (model: string) => void }) {
  const rows: ValueRow[] = data.models.map((m) => ({
    key: m.model,
    label: m.model,
    count: m.conversations,
    selectable: true,
  }));
  return (
    <ChartFigure
      caption="Models"
      empty={empty}
      table={
        <ValueTable
          caption="Models"
          labelHeader="Model"
          rows={rows}
          total={data.matching}
          onSelect={onSelect}
        />
      }
    >
      <CountBarChart
        title="Models"
        rows={rows}
        total={data.matching}
        layout="horizontal"
        colour={PALETTE.vermillion}
        onSelect={onSelect}
      />
    </ChartFigure>
  );
}

export function TurnsFigure({
  data,
  empty,
  onSelect,
}: FigureProps & { onSelect: (min: number, max?: number) => void }) {
  const rows: ValueRow[] = data.turns.map((t) => ({
    key: t.label,
    label: t.label,
    count: t.count,
    selectable: true,
  }));
  const select = (label: string) => {
    const bucket = data.turns.find((t) => t.label === label);
    if (bucket) onSelect(bucket.min, bucket.max);
  };
  return (
    <ChartFigure
      caption="Turns"
      empty={empty}
      table={
        <ValueTable
          caption="Turns"
          labelHeader="Turns"
          rows={rows}
          total={data.matching}
          onSelect={select}
        />
      }
    >
      <CountBarChart
        title="Turns"
        rows={rows}
        total={data.matching}
        layout="columns"
        colour={PALETTE.green}
        onSelect={select}
      />
    </ChartFigure>
  );
}

/** The moderation API's flag threshold sits near 0.5: marked on the Scores axis. */
const FLAG_BOUNDARY_BIN = scoreBinLabel(SCORE_EDGES.indexOf(0.5));

export function ScoresFigure({
  data,
  empty,
  category,
  onCategoryChange,
  onSelect,
}: FigureProps & {
  category: CategoryId;
  onCategoryChange: (id: CategoryId) => void;
  /** A bin was chosen: `bin` of the highest score of `category` (the one shown). */
  onSelect: (category: CategoryId, bin: ScoreBin) => void;
}) {
  const name = CATEGORIES.find((c) => c.id === data.scoreCategory)?.name ?? data.scoreCategory;
  const rows: ValueRow[] = data.scores.map((s, i) => ({
    key: String(i),
    label: s.label,
    count: s.count,
    selectable: isScoreBinSelectable(s),
    action: `Set the minimum ${name} score to ${s.min}`,
  }));
  const select = (key: string) => {
    const bin = data.scores[Number(key)];
    if (bin) onSelect(data.scoreCategory, bin);
  };
  const scored = data.scores.reduce((sum, s) => sum + s.count, 0);
  return (
    <ChartFigure
      caption="Scores"
      empty={empty}
      controls={
        <label className="flex items-center gap-1">
          Category
          <select
            value={category}
            onChange={(e) => onCategoryChange(e.target.value as CategoryId)}
            className="rounded border border-slate-300 bg-white px-1 py-0.5"
          >
            {CATEGORIES.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      }
      table={
        <ValueTable
          caption={`Highest ${name} score`}
          labelHeader="Score"
          rows={rows}
          total={data.matching}
          onSelect={select}
        />
      }
    >
      <p className="text-xs text-slate-500">
        Highest {name} score per conversation ({formatCount(scored)} scored); bins are decades below
        0.1, then steps of 0.1; counts on a log scale. Click a bin to keep scores from its lower
        edge up.
      </p>
      <CountBarChart
        title="Scores"
        rows={rows}
        total={data.matching}
        layout="columns"
        colour={PALETTE.purple}
        // Most conversations score near 0: on a linear axis every bin above 0.1 would be flat.
        scale="log"
        marker={{ at: FLAG_BOUNDARY_BIN, label: 'flag ≈ 0.5' }}
        onSelect={select}
      />
    </ChartFigure>
  );
}
