import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietQueries } from './quiet-queries';

describe('waiting for the app’s statements to go quiet', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const settled = (p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    return () => done;
  };

  it('waits for the statements that start after the call, then for the quiet period', async () => {
    const quiet = new QuietQueries(1_000, 8_000, 100);
    const isDone = settled(quiet.whenQuiet());
    await vi.advanceTimersByTimeAsync(500);
    let finish!: () => void;
    const statement = quiet.track(() => new Promise<void>((r) => (finish = r)));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(isDone()).toBe(false); // a statement is still running
    finish();
    await statement;
    await vi.advanceTimersByTimeAsync(900);
    expect(isDone()).toBe(false); // quiet for less than a second
    await vi.advanceTimersByTimeAsync(200);
    expect(isDone()).toBe(true);
  });

  it('gives up waiting after the longest wait, however busy', async () => {
    const quiet = new QuietQueries(1_000, 8_000, 100);
    void quiet.track(() => new Promise<void>(() => undefined)); // never settles
    const isDone = settled(quiet.whenQuiet());
    await vi.advanceTimersByTimeAsync(7_900);
    expect(isDone()).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(isDone()).toBe(true);
  });

  it('lets the waiting work go at once on now(), and a new wait releases the old one', async () => {
    const quiet = new QuietQueries(1_000, 8_000, 100);
    const first = settled(quiet.whenQuiet());
    const second = settled(quiet.whenQuiet());
    await vi.advanceTimersByTimeAsync(0);
    expect(first()).toBe(true);
    expect(second()).toBe(false);
    quiet.now();
    await vi.advanceTimersByTimeAsync(0);
    expect(second()).toBe(true);
  });

  it('passes a statement’s result and error through', async () => {
    const quiet = new QuietQueries();
    await expect(quiet.track(async () => 42)).resolves.toBe(42);
    await expect(quiet.track(() => Promise.reject(new Error('bad SQL')))).rejects.toThrow(
      'bad SQL',
    );
  });
});
