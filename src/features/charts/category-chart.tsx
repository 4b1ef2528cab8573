import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCount } from '../../lib/format';
import { ActiveLabel } from './active-label';
import {
  axisProps,
  CHART_TEXT_CLASS,
  cursorProps,
  gridProps,
  namedBar,
  TOOLTIP_CLASS,
} from './chart-theme';
import { useEnterToSelect } from './use-enter-to-select';
import type { CategoryStats } from '../../model/chart-data';
import type { CategoryId } from '../../model/moderation';
import { formatShare } from './palette';
import { SIDE_SERIES } from './side-series';

/** Per moderation category, flagged conversations in three series; counts or shares of `total`. */
export function CategoryChart({
  categories,
  total,
  asShare,
  onSelect,
}: {
  categories: readonly CategoryStats[];
  total: number;
  asShare: boolean;
  onSelect: (id: CategoryId) => void;
}) {
  const select = (label: string | undefined) => {
    const category = categories.find((c) => c.name === label);
    if (category) onSelect(category.id);
  };
  const value = (n: number) => (asShare && total > 0 ? n / total : n);
  const data = categories.map((c) => ({
    label: c.name,
    flagged: value(c.flagged),
    withFlaggedUser: value(c.withFlaggedUser),
    withFlaggedAssistant: value(c.withFlaggedAssistant),
    counts: c,
  }));
  const keys = useEnterToSelect(select);
  return (
    <div
      onKeyDown={keys.onKeyDown}
      className={`${CHART_TEXT_CLASS} focus-within:outline-2 focus-within:outline-blue-700`}
    >
      <ResponsiveContainer width="100%" height={categories.length * 34 + 60}>
        <BarChart data={data} layout="vertical" accessibilityLayer title="Moderation categories">
          <ActiveLabel onChange={keys.track} />
          <CartesianGrid {...gridProps} horizontal={false} />
          <XAxis
            type="number"
            {...axisProps()}
            tickFormatter={(n: number) =>
              asShare ? `${Math.round(n * 1000) / 10}%` : formatCount(n)
            }
          />
          <YAxis type="category" dataKey="label" width={170} interval={0} {...axisProps()} />
          <Tooltip content={<CategoryTooltip total={total} />} cursor={cursorProps} />
          {/* Legend text in the theme's text colour; the swatches keep the series colours. */}
          <Legend
            formatter={(name: string) => <span className="text-xs text-slate-700">{name}</span>}
          />
          {SIDE_SERIES.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.colour}
              cursor="pointer"
              isAnimationActive={false}
              shape={namedBar((payload) => seriesName(s, payload, total))}
              onClick={(bar) => select((bar.payload as { label?: string } | undefined)?.label)}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function CategoryTooltip({
  total,
  active,
  payload,
}: {
  total: number;
  active?: boolean;
  payload?: readonly { payload?: { counts: CategoryStats } }[];
}) {
  const counts = payload?.[0]?.payload?.counts;
  if (!active || !counts) return null;
  return (
    <div className={TOOLTIP_CLASS}>
      <div className="font-medium">{counts.name}</div>
      {SIDE_SERIES.map((s) => (
        <div key={s.key} className="tabular-nums">
          {s.name}: {formatCount(counts[s.key])} ({formatShare(counts[s.key], total)})
        </div>
      ))}
    </div>
  );
}

function seriesName(series: (typeof SIDE_SERIES)[number], payload: unknown, total: number): string {
  const counts = (payload as { counts: CategoryStats }).counts;
  const n = counts[series.key];
  return `${counts.name}, ${series.name}: ${formatCount(n)} conversations (${formatShare(n, total)})`;
}
