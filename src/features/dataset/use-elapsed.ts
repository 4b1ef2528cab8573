import { useState, useSyncExternalStore } from 'react';

const subscribeToSeconds = (onTick: () => void) => {
  const timer = setInterval(onTick, 1000);
  return () => clearInterval(timer);
};
const currentSecond = () => Math.floor(performance.now() / 1000) * 1000;

/** Milliseconds since the calling component mounted, updated every second. */
export function useElapsed(): number {
  const [mountedAt] = useState(currentSecond);
  return useSyncExternalStore(subscribeToSeconds, currentSecond) - mountedAt;
}
