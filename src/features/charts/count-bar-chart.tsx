import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '../../lib/format';
import { ActiveLabel } from './active-label';
import { useEnterToSelect } from './use-enter-to-select';
import { formatShare, PALETTE } from './palette';
import type { ValueRow } from './value-table';

/**
 * Bars of conversation counts. Hover or arrow keys (Recharts' accessibility layer) show the exact
 * count and share; a click, or Enter on the focused chart, selects the active bar.
 */
export function CountBarChart({
  title,
  rows,
  total,
  layout,
  scale = 'linear',
  colour = PALETTE.blue,
  onSelect,
}: {
  title: string;
  rows: readonly ValueRow[];
  total: number;
  /** `horizontal`: one row per bar with its label on the left (long names); else columns. */
  layout: 'horizontal' | 'columns';
  scale?: 'linear' | 'log';
  colour?: string;
  onSelect?: (key: string) => void;
}) {
  const select = (label: string | undefined) => {
    const row = rows.find((r) => r.label === label);
    if (row?.selectable) onSelect?.(row.key);
  };
  const horizontal = layout === 'horizontal';
  const valueAxis = {
    type: 'number' as const,
    scale,
    // A log axis cannot show 0: it starts at 1 (no bar is drawn for a zero count).
    domain: ([, max]: readonly [number, number]): readonly [number, number] =>
      scale === 'log' ? [1, Math.max(max, 10)] : [0, Math.max(max, 1)],
    allowDataOverflow: scale === 'log',
    tickFormatter: (n: number) => formatCount(n),
  };
  const labelAxis = { type: 'category' as const, dataKey: 'label', interval: 0 };
  const keys = useEnterToSelect(select);
  return (
    <div
      onKeyDown={keys.onKeyDown}
      className="focus-within:outline-2 focus-within:outline-blue-700"
    >
      <ResponsiveContainer width="100%" height={horizontal ? rows.length * 22 + 40 : 240}>
        <BarChart
          data={rows as ValueRow[]}
          layout={horizontal ? 'vertical' : 'horizontal'}
          accessibilityLayer
          title={title}
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        >
          <ActiveLabel onChange={keys.track} />
          <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <>
              <XAxis {...valueAxis} />
              <YAxis {...labelAxis} width={130} tick={{ fontSize: 12 }} />
            </>
          ) : (
            <>
              <XAxis {...labelAxis} tick={{ fontSize: 11 }} />
              <YAxis {...valueAxis} width={56} />
            </>
          )}
          <Tooltip content={<CountTooltip total={total} />} />
          <Bar
            dataKey="count"
            name="Conversations"
            fill={colour}
            cursor={onSelect ? 'pointer' : undefined}
            isAnimationActive={false}
            onClick={(bar) => select((bar.payload as ValueRow | undefined)?.label)}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function CountTooltip({
  total,
  active,
  payload,
}: {
  total: number;
  active?: boolean;
  payload?: readonly { payload?: ValueRow }[];
}) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="rounded border border-slate-300 bg-white px-2 py-1 text-sm shadow">
      <div className="font-medium">{row.label}</div>
      <div className="tabular-nums">
        {formatCount(row.count)} conversations ({formatShare(row.count, total)})
      </div>
    </div>
  );
}
