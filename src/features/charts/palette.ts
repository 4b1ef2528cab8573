/**
 * Okabe–Ito colours: distinguishable under the common colour-vision deficiencies. Only those with
 * at least 3:1 contrast against both a white and a near-black page are kept, so bars stay legible
 * in light and dark themes (Okabe–Ito's orange, sky blue and yellow are too light on white).
 */
export const PALETTE = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  green: '#009E73',
  purple: '#CC79A7',
} as const;

/** The heatmap's colour at its maximum share (Okabe–Ito blue). */
const HEAT_MAX = PALETTE.blue;

/**
 * A sequential ramp for the heatmap: the page background (`--color-white`, which a dark theme
 * remaps) at 0, Okabe–Ito blue at the maximum share. Above `HEAT_LIGHT_TEXT` the cell is dark in
 * both themes and takes white text.
 */
export function heatColour(share: number): string {
  const t = Math.max(0, Math.min(1, share));
  return `color-mix(in srgb, ${HEAT_MAX} ${Math.round(t * 100)}%, var(--color-white, #fff))`;
}
export const HEAT_LIGHT_TEXT = 0.55;

/** `12.3%`; a share too small to show at one decimal reads `<0.1%`, never a misleading `0.0%`. */
export function formatShare(part: number, whole: number): string {
  if (whole === 0 || part === 0) return '0%';
  const percent = (100 * part) / whole;
  if (percent < 0.05) return '<0.1%';
  return `${percent.toFixed(part === whole ? 0 : 1)}%`;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}
