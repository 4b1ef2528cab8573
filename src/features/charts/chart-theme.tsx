import { Rectangle, type BarShapeProps } from 'recharts';

/**
 * Chart chrome (axes, ticks, grid, hover band, marker lines) is drawn in `currentColor`, which the
 * wrapper sets with a Tailwind text class backed by a CSS variable: a dark theme that remaps the
 * variables flips the chrome with the text. Only data series carry fixed (Okabe–Ito) colours.
 */
export const CHART_TEXT_CLASS = 'text-slate-600';

export const axisProps = (fontSize = 12) => ({
  stroke: 'currentColor',
  tick: { fill: 'currentColor', fontSize },
});

export const gridProps = { stroke: 'currentColor', strokeOpacity: 0.25, strokeDasharray: '3 3' };

export const cursorProps = { fill: 'currentColor', fillOpacity: 0.1 };

/** Tooltip box: background and border from theme variables, so it reads in both themes. */
export const TOOLTIP_CLASS =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 shadow';

/**
 * A bar with an accessible name (`role="img"`), so people with a screen reader's virtual cursor,
 * and tests, can find and click one bar; the click reaches Recharts' handler on the bar's group.
 */
export function namedBar(name: (payload: unknown) => string) {
  return function NamedBar(props: BarShapeProps) {
    return (
      <g role="img" aria-label={name(props.payload)}>
        <Rectangle {...props} />
      </g>
    );
  };
}
