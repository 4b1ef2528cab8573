import { useSyncExternalStore } from 'react';

/**
 * The URL's search params as React state. The URL is the single source of truth for selection and
 * view; `pushSearchParams` changes it (a history entry, so Back undoes it) and tells subscribers,
 * since `history.pushState` fires no event of its own.
 */
const NAVIGATE = 'convoscope:navigate';

/** Calls `onChange` on Back/Forward and on every `pushSearchParams`. */
export function subscribeToLocation(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

/** One search param's value (the first, when repeated), or null. */
export function useSearchParam(name: string): string | null {
  return useSyncExternalStore(subscribeToLocation, () =>
    new URLSearchParams(window.location.search).get(name),
  );
}

/** Edits the search params in place, keeping every other param (`data`, filters) as it was. */
export function pushSearchParams(edit: (params: URLSearchParams) => void) {
  changeSearchParams(edit, 'push');
}

/** As `pushSearchParams`, but rewrites the current history entry (an undo that Back should skip). */
export function replaceSearchParams(edit: (params: URLSearchParams) => void) {
  changeSearchParams(edit, 'replace');
}

function changeSearchParams(edit: (params: URLSearchParams) => void, mode: 'push' | 'replace') {
  const url = new URL(window.location.href);
  edit(url.searchParams);
  if (url.href === window.location.href) return;
  if (mode === 'push') window.history.pushState(window.history.state, '', url);
  else window.history.replaceState(window.history.state, '', url);
  window.dispatchEvent(new Event(NAVIGATE));
}
