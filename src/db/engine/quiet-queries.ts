/**
 * Tracks the app's statements in flight, so background work on the same DuckDB worker (the cache
 * write after an open) can wait until the first screen's counts, facets and rows are answered
 * instead of queueing in front of them: DuckDB-WASM runs one request at a time.
 */
export class QuietQueries {
  private running = 0;
  private lastEnd = 0;
  private pending: (() => void) | undefined;

  constructor(
    /** No statement for this long counts as quiet. */
    private readonly quietMs = 1_000,
    /** Background work waits at most this long, however busy the page is. */
    private readonly maxWaitMs = 8_000,
    private readonly pollMs = 100,
  ) {}

  /** Runs `statement`, counted as in flight until it settles. */
  async track<T>(statement: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await statement();
    } finally {
      this.running--;
      this.lastEnd = performance.now();
    }
  }

  /**
   * Resolves once nothing has run for `quietMs` since this call (the queries an open triggers
   * start a little after it returns), after `maxWaitMs` at the latest, or at `now()`.
   */
  whenQuiet(): Promise<void> {
    this.now(); // one waiter at a time: an earlier one goes ahead first
    return new Promise((resolve) => {
      const since = performance.now();
      const timer = setInterval(() => {
        const t = performance.now();
        const quiet = this.running === 0 && t - Math.max(this.lastEnd, since) >= this.quietMs;
        if (quiet || t - since >= this.maxWaitMs) done();
      }, this.pollMs);
      const done = () => {
        clearInterval(timer);
        this.pending = undefined;
        resolve();
      };
      this.pending = done;
    });
  }

  /** Lets the waiting work start at once (another open, or the cache being forgotten). */
  now(): void {
    this.pending?.();
  }
}
