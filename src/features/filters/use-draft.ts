import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Text a user is editing for a filter that lives in the URL. The draft follows the applied value
 * when it changes from elsewhere (a chip, Back, a histogram bar), but not while it already means
 * that value: typing `0.0` on the way to `0.05` must not be rewritten to `0` when `0` applies.
 */
export function useDraft<D>(appliedKey: string, fromApplied: () => D, means: (draft: D) => string) {
  const [draft, setDraft] = useState(fromApplied);
  const [seenKey, setSeenKey] = useState(appliedKey);
  if (seenKey !== appliedKey) {
    setSeenKey(appliedKey);
    if (means(draft) !== appliedKey) setDraft(fromApplied());
  }
  return [draft, setDraft] as const;
}

/** Calls `commit` once typing or dragging pauses for `delayMs`; `flush` commits at once (Enter). */
export function useDebouncedCommit<T>(commit: (value: T) => void, delayMs: number) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<{ value: T } | undefined>(undefined);
  const latestCommit = useRef(commit);
  useEffect(() => {
    latestCommit.current = commit;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const value = pending.current;
    pending.current = undefined;
    if (value) latestCommit.current(value.value);
  }, []);
  const schedule = useCallback(
    (value: T) => {
      pending.current = { value };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [flush, delayMs],
  );
  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = undefined;
  }, []);
  return { schedule, flush, cancel };
}
