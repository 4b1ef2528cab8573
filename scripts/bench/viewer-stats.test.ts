import { describe, expect, it } from 'vitest';
import { frameStats, seededRandom, spreadPicks } from './viewer-stats';

describe('spreadPicks', () => {
  it('draws one position from each equal slice, the same for the same seed', () => {
    const picks = spreadPicks(1_000_000, 20, 7);
    expect(picks).toHaveLength(20);
    picks.forEach((row, k) => {
      expect(row).toBeGreaterThanOrEqual(k * 50_000);
      expect(row).toBeLessThan((k + 1) * 50_000);
    });
    expect(spreadPicks(1_000_000, 20, 7)).toEqual(picks);
    expect(spreadPicks(1_000_000, 20, 8)).not.toEqual(picks);
  });

  it('covers a list no longer than the picks, and refuses a shorter one', () => {
    expect(spreadPicks(5, 5, 1)).toEqual([0, 1, 2, 3, 4]);
    expect(() => spreadPicks(4, 5, 1)).toThrow(/cannot pick 5 of 4/);
  });

  it('generates numbers in [0, 1)', () => {
    const random = seededRandom(123);
    const values = Array.from({ length: 1000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(new Set(values).size).toBeGreaterThan(990);
  });
});

describe('frameStats', () => {
  it('counts frames over 20 ms (or 1.5x the median) as dropped', () => {
    const intervals = [...Array<number>(57).fill(1000 / 60), 21, 40, 100];
    const stats = frameStats(intervals);
    expect(stats.dropped).toBe(3);
    expect(stats.medianIntervalMs).toBeCloseTo(16.67, 1);
    expect(stats.longestIntervalMs).toBe(100);
    const total = 57 * (1000 / 60) + 161;
    expect(stats.fps).toBeCloseTo((60 * 1000) / total, 6);
  });

  it('uses 1.5x the median when frames are shorter than 20 ms', () => {
    const stats = frameStats([8, 8, 8, 8, 13]);
    expect(stats.dropped).toBe(1);
  });

  it('has no frames to count in an empty scroll', () => {
    expect(frameStats([])).toMatchObject({ fps: 0, dropped: 0 });
  });
});
