import { useEffect, useRef } from 'react';
import { ignoresShortcuts } from './is-typing';
import { GLOBAL_SHORTCUTS, actionForKey } from './shortcuts';

/** The search box by its contract name (the UI contract, docs/architecture.md), wherever the search feature renders it. */
function searchBox(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>(
    'input[type="search"][aria-label="Search conversations"]',
  );
}

/** `?` shows the shortcuts; `/` moves the focus to the search box (without typing the slash). */
export function useGlobalShortcuts(handlers: { onShowShortcuts: () => void }) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (ignoresShortcuts(event)) return;
      const action = actionForKey(GLOBAL_SHORTCUTS, event.key);
      if (action === 'showShortcuts') {
        latest.current.onShowShortcuts();
      } else if (action === 'focusSearch') {
        const box = searchBox();
        if (!box) return;
        box.focus();
        box.select();
      } else {
        return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
