import { useCallback, useRef, type KeyboardEvent } from 'react';

/**
 * Enter selects the bar that Recharts' accessibility layer made active with the arrow keys.
 * Render `<ActiveLabel onChange={track} />` inside the chart and spread `onKeyDown` on a wrapper.
 */
export function useEnterToSelect(select: (label: string | undefined) => void) {
  const active = useRef<string | undefined>(undefined);
  const track = useCallback((label: string | undefined) => {
    active.current = label;
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') select(active.current);
  };
  return { track, onKeyDown };
}
