import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
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
import { formatShare, PALETTE } from './palette';
import type { ValueRow } from './value-table';

/** A dashed line at the start of one bar of a column chart, with a short label. */
export interface ChartMarker {
  /** The label of the bar whose left edge is marked. */
  at: string;
  label: string;
}

/**
 * Bars of conversation counts. Hover or arrow keys (Recharts' accessibility layer) show the exact
 * count and share; a click, or Enter on the focused chart, selects the active bar. Each bar is
 * named `label: N conversations (share)`.
 */
export function CountBarChart({
  title,
  rows,
  total,
  layout,
  scale = 'linear',
  colour = PALETTE.blue,
  marker,
  onSelect,
}: {
  title: string;
  rows: readonly ValueRow[];
  total: number;
  /** `horizontal`: one row per bar with its label on the left (long names); else columns. */
  layout: 'horizontal' | 'columns';
  scale?: 'linear' | 'log';
  colour?: string;
  marker?: ChartMarker;
  onSelect?: (key: string) => void;
}) {
  const select = (label: string | undefined) => {
    const row = rows.find((r) => r.label === label);
    if (row?.selectable) onSelect?.(row.key);
  };
  const horizontal = layout === 'horizontal';
  // Many column labels (the score bins) overlap when level: slant them.
  const crowded = !horizontal && rows.length > 11;
  const valueAxis = {
    type: 'number' as const,
    scale,
    // A log axis cannot show 0: it starts at 1 (no bar is drawn for a zero count).
    domain: ([, max]: readonly [number, number]): readonly [number, number] =>
      scale === 'log' ? [1, Math.max(max, 10)] : [0, Math.max(max, 1)],
    allowDataOverflow: scale === 'log',
    tickFormatter: (n: number) => formatCount(n),
    ...axisProps(),
  };
  const labelAxis = { type: 'category' as const, dataKey: 'label', interval: 0 };
  const barName = (payload: unknown) => {
    const row = payload as ValueRow;
    return `${row.label}: ${formatCount(row.count)} conversations (${formatShare(row.count, total)})`;
  };
  const keys = useEnterToSelect(select);
  return (
    <div
      onKeyDown={keys.onKeyDown}
      className={`${CHART_TEXT_CLASS} focus-within:outline-2 focus-within:outline-blue-700`}
    >
      <ResponsiveContainer
        width="100%"
        height={horizontal ? rows.length * 22 + 40 : crowded ? 270 : 240}
      >
        <BarChart
          data={rows as ValueRow[]}
          layout={horizontal ? 'vertical' : 'horizontal'}
          accessibilityLayer
          title={title}
          margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
        >
          <ActiveLabel onChange={keys.track} />
          <CartesianGrid {...gridProps} horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <>
              <XAxis {...valueAxis} />
              <YAxis {...labelAxis} {...axisProps()} width={130} />
            </>
          ) : (
            <>
              <XAxis
                {...labelAxis}
                {...axisProps(11)}
                angle={crowded ? -35 : 0}
                textAnchor={crowded ? 'end' : 'middle'}
                height={crowded ? 56 : 30}
              />
              <YAxis {...valueAxis} width={56} />
            </>
          )}
          <Tooltip content={<CountTooltip total={total} />} cursor={cursorProps} />
          {marker && !horizontal && (
            <ReferenceLine
              x={marker.at}
              position="start"
              stroke="currentColor"
              strokeDasharray="4 3"
              label={{
                value: marker.label,
                position: 'insideTopRight',
                fill: 'currentColor',
                fontSize: 11,
              }}
            />
          )}
          <Bar
            dataKey="count"
            name="Conversations"
            fill={colour}
            cursor={onSelect ? 'pointer' : undefined}
            isAnimationActive={false}
            shape={namedBar(barName)}
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
    <div className={TOOLTIP_CLASS}>
      <div className="font-medium">{row.label}</div>
      <div className="tabular-nums">
        {formatCount(row.count)} conversations ({formatShare(row.count, total)})
      </div>
    </div>
  );
}
