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

/**
 * The URL's params, parsed once per URL: every `useSearchParam` reads them on each navigation and
 * render, and a URL with a few shard addresses is long. Read only; edits go through
 * `pushSearchParams`.
 */
let parsed = { search: '', params: new URLSearchParams() };
function currentParams(): URLSearchParams {
  const { search } = window.location;
  if (search !== parsed.search) parsed = { search, params: new URLSearchParams(search) };
  return parsed.params;
}

/** One search param's value (the first, when repeated), or null. */
export function useSearchParam(name: string): string | null {
  return useSyncExternalStore(subscribeToLocation, () => currentParams().get(name));
}

/** Edits the search params in place, keeping every other param (`data`, filters) as it was. */
export function pushSearchParams(edit: (params: URLSearchParams) => void) {
  changeSearchParams(edit, 'push');
}

/** As `pushSearchParams`, without a new history entry: for state Back should skip over. */
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
