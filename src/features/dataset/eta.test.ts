import { describe, expect, it } from 'vitest';
import { formatSecondsLeft, secondsLeft } from './eta';

describe('secondsLeft', () => {
  it('extrapolates the rate so far', () => {
    // A quarter done in 10 s: 30 s to go.
    expect(secondsLeft(10_000, 25, 100)).toBe(30);
    expect(secondsLeft(2_000, 100, 100)).toBe(0);
  });

  it('waits for a second and some progress before guessing', () => {
    expect(secondsLeft(500, 50, 100)).toBeUndefined();
    expect(secondsLeft(5_000, 0, 100)).toBeUndefined();
    expect(secondsLeft(5_000, 10, 0)).toBeUndefined();
  });
});

describe('formatSecondsLeft', () => {
  it.each([
    [undefined, 'estimating time left'],
    [0, 'about 1 s left'],
    [42, 'about 42 s left'],
    [170, 'about 3 min left'],
    [3900, 'about 1 h 5 min left'],
  ])('%s -> %s', (seconds, text) => {
    expect(formatSecondsLeft(seconds)).toBe(text);
  });
});
