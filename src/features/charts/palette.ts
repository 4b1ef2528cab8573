/**
 * Okabe–Ito colours: distinguishable under the common colour-vision deficiencies, and dark enough
 * on white for bars (the yellow is left out for that reason).
 */
export const PALETTE = {
  blue: '#0072B2',
  orange: '#E69F00',
  vermillion: '#D55E00',
  green: '#009E73',
  sky: '#56B4E9',
  purple: '#CC79A7',
  grey: '#6B7280',
} as const;

/** A sequential blue ramp for the heatmap: white at 0 to Okabe–Ito blue at the maximum share. */
export function heatColour(share: number): string {
  const t = Math.max(0, Math.min(1, share));
  const mix = (from: number, to: number) => Math.round(from + (to - from) * t);
  return `rgb(${mix(255, 0)}, ${mix(255, 114)}, ${mix(255, 178)})`;
}

/** `12.3%`; a share too small to show at one decimal reads `<0.1%`, never a misleading `0.0%`. */
export function formatShare(part: number, whole: number): string {
  if (whole === 0 || part === 0) return '0%';
  const percent = (100 * part) / whole;
  if (percent < 0.05) return '<0.1%';
  return `${percent.toFixed(part === whole ? 0 : 1)}%`;
}
