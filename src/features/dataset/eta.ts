/**
 * Seconds left for a load, from the rate so far: bytes read over the time since it started. None
 * until there is enough to go on (a second, and some bytes), so the first guess is not wild.
 */
export function secondsLeft(elapsedMs: number, done: number, total: number): number | undefined {
  if (elapsedMs < 1000 || done <= 0 || total <= 0) return undefined;
  if (done >= total) return 0;
  return Math.ceil(((total - done) * elapsedMs) / done / 1000);
}

/** `about 40 s left`, `about 3 min left`, `about 1 h 5 min left`. */
export function formatSecondsLeft(seconds: number | undefined): string {
  if (seconds === undefined) return 'estimating time left';
  if (seconds < 60) return `about ${Math.max(1, seconds)} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}
