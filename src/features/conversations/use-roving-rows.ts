import { useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { LIST_SHORTCUTS, actionForKey } from '../shortcuts';

/**
 * Keyboard movement over virtualized rows with a roving tabindex: one row is "active" (tabbable);
 * arrows and j/k move it, Home/End and PageUp/PageDown jump, Enter chooses it (the keys are in
 * LIST_SHORTCUTS). A row scrolled into view is rendered a frame later, so the focus request waits
 * until its element exists.
 */
export function useRovingRows(options: {
  count: number;
  containerRef: RefObject<HTMLElement | null>;
  pageSize: () => number;
  scrollToIndex: (index: number) => void;
  onEnter: (index: number) => void;
}) {
  const { count, containerRef, pageSize, scrollToIndex, onEnter } = options;
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  // Runs after every render on purpose: the requested row appears in whichever render follows the scroll.
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const row = containerRef.current?.querySelector<HTMLElement>(
      `[role="row"][data-index="${index}"]`,
    );
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(count - 1, index));
    setActive(target);
    pendingFocus.current = target;
    scrollToIndex(target);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') !== 'row' || event.altKey || event.ctrlKey || event.metaKey)
      return;
    const moves: Record<keyof typeof LIST_SHORTCUTS, () => void> = {
      next: () => moveTo(active + 1),
      previous: () => moveTo(active - 1),
      pageDown: () => moveTo(active + pageSize()),
      pageUp: () => moveTo(active - pageSize()),
      first: () => moveTo(0),
      last: () => moveTo(count - 1),
      open: () => onEnter(active),
    };
    const action = actionForKey(LIST_SHORTCUTS, event.key);
    if (!action) return;
    event.preventDefault();
    moves[action]();
  };

  return { active, setActive, onKeyDown };
}
