import { median } from './report';

/** A small seeded generator (mulberry32): the same picks in every run and on both sides. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` list positions out of `rows`, one drawn at random from each of `count` equal slices, so
 * the picks spread over every shard and many row groups instead of clustering.
 */
export function spreadPicks(rows: number, count: number, seed: number): number[] {
  if (rows < count) throw new Error(`cannot pick ${count} of ${rows} rows`);
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, k) => {
    const lo = Math.floor((k * rows) / count);
    const hi = Math.floor(((k + 1) * rows) / count);
    return lo + Math.floor(random() * (hi - lo));
  });
}

export interface FrameStats {
  fps: number;
  medianIntervalMs: number;
  /** Intervals longer than 1.5x the median interval or than 20 ms (a 60 fps frame is 16.7 ms). */
  dropped: number;
  longestIntervalMs: number;
}

export function frameStats(intervals: readonly number[]): FrameStats {
  if (intervals.length === 0) {
    return { fps: 0, medianIntervalMs: NaN, dropped: 0, longestIntervalMs: NaN };
  }
  const total = intervals.reduce((sum, ms) => sum + ms, 0);
  const typical = median(intervals);
  const limit = Math.min(1.5 * typical, 20);
  return {
    fps: (intervals.length * 1000) / total,
    medianIntervalMs: typical,
    dropped: intervals.filter((ms) => ms > limit).length,
    longestIntervalMs: Math.max(...intervals),
  };
}

/** Rounded to 0.1 ms for the JSON. */
export const tenths = (ms: number) => Math.round(ms * 10) / 10;
