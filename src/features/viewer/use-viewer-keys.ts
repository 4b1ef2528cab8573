import { useEffect, useRef } from 'react';
import { ignoresShortcuts, VIEWER_SHORTCUTS, actionForKey } from '../shortcuts';

/**
 * The viewer's keys, anywhere on the page while a conversation is open (so they work straight from
 * the list): n / p jump to the next / previous flagged message; Escape, from inside the viewer,
 * returns focus to the list.
 */
export function useViewerKeys(handlers: {
  region: React.RefObject<HTMLElement | null>;
  onNext: () => void;
  onPrevious: () => void;
  onEscape: () => void;
}) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const h = latest.current;
      const action = actionForKey(VIEWER_SHORTCUTS, event.key);
      if (action === 'backToList') {
        if (h.region.current?.contains(document.activeElement)) {
          event.preventDefault();
          h.onEscape();
        }
        return;
      }
      if (ignoresShortcuts(event)) return;
      if (action === 'nextFlagged') h.onNext();
      else if (action === 'previousFlagged') h.onPrevious();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** Puts focus back on the list: the selected row when it is rendered, else the list's tabbable row. */
export function focusList() {
  const grid = document.querySelector<HTMLElement>('[role="grid"][aria-label="Conversations"]');
  const row =
    grid?.querySelector<HTMLElement>('[role="row"][aria-selected="true"]') ??
    grid?.querySelector<HTMLElement>('[role="row"][tabindex="0"]');
  row?.focus();
}
