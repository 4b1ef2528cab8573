import { describe, expect, it } from 'vitest';
import { formatShare, heatColour } from './palette';

describe('formatShare', () => {
  it('shows one decimal, whole numbers at the ends and <0.1% for tiny non-zero shares', () => {
    expect(formatShare(312, 10_000)).toBe('3.1%');
    expect(formatShare(4, 10_000)).toBe('<0.1%');
    expect(formatShare(0, 10_000)).toBe('0%');
    expect(formatShare(7, 7)).toBe('100%');
    expect(formatShare(3, 0)).toBe('0%');
  });
});

describe('heatColour', () => {
  it('runs from white to Okabe–Ito blue and clamps', () => {
    expect(heatColour(0)).toBe('rgb(255, 255, 255)');
    expect(heatColour(1)).toBe('rgb(0, 114, 178)');
    expect(heatColour(2)).toBe(heatColour(1));
  });
});
