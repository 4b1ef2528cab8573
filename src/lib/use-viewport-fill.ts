import { useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react';

/** Space kept below a panel: the page's bottom padding. */
const BOTTOM_GAP_PX = 16;
/** Panels never shrink below this, however much sits above them. */
const MIN_HEIGHT_PX = 320;

/**
 * A height that makes the element end at the bottom of the viewport, measured from where it
 * starts on the page. The header, notices and welcome banner above the panels change size (and
 * come and go), so a fixed `calc(100dvh - Nrem)` left the list's last rows below the screen.
 */
export function useViewportFill(
  ref: RefObject<HTMLElement | null>,
  /** Changes when the element appears or is replaced, so it is measured again. */
  key: unknown = null,
): CSSProperties {
  const [top, setTop] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setTop(Math.round(element.getBoundingClientRect().top + window.scrollY));
    measure();
    // Anything above that grows or shrinks changes the page's height: watch the body for it.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref, key]);
  if (top === null) return { height: `calc(100dvh - 7rem)`, minHeight: MIN_HEIGHT_PX };
  return { height: `calc(100dvh - ${top + BOTTOM_GAP_PX}px)`, minHeight: MIN_HEIGHT_PX };
}
