import { describe, expect, it } from 'vitest';
import { contrastRatio, formatShare, heatColour, PALETTE } from './palette';

describe('formatShare', () => {
  it('shows one decimal, whole numbers at the ends and <0.1% for tiny non-zero shares', () => {
    expect(formatShare(312, 10_000)).toBe('3.1%');
    expect(formatShare(4, 10_000)).toBe('<0.1%');
    expect(formatShare(0, 10_000)).toBe('0%');
    expect(formatShare(7, 7)).toBe('100%');
    expect(formatShare(3, 0)).toBe('0%');
  });
});

describe('PALETTE', () => {
  it('keeps every series colour at 3:1 or more on white and on a near-black page', () => {
    for (const colour of Object.values(PALETTE)) {
      expect(contrastRatio(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(3);
      // Tailwind's slate-900 and slate-950: the likely dark-theme backgrounds.
      expect(contrastRatio(colour, '#0f172a'), colour).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(colour, '#020617'), colour).toBeGreaterThanOrEqual(3);
    }
  });

  it('computes WCAG contrast: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#0072B2', '#0072B2')).toBe(1);
  });
});

describe('heatColour', () => {
  it('mixes Okabe–Ito blue into the theme background by share, clamped to 0–100%', () => {
    expect(heatColour(0)).toBe('color-mix(in srgb, #0072B2 0%, var(--color-white, #fff))');
    expect(heatColour(0.456)).toBe('color-mix(in srgb, #0072B2 46%, var(--color-white, #fff))');
    expect(heatColour(2)).toBe(heatColour(1));
    expect(heatColour(-1)).toBe(heatColour(0));
  });
});
