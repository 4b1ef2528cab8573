import { useEffect, useState, type RefObject } from 'react';

const MATCH = 'mark[data-search-match]';
const CURRENT = 'data-current-match';

/**
 * "Previous match" / "Next match" over the search marks in the transcript, with a count. Marks are
 * found in the rendered DOM (the markdown renderer places them), so the count follows whatever the
 * renderer shows, including messages still collapsed.
 */
export function MatchNavigator(props: {
  container: RefObject<HTMLElement | null>;
  /** Changes whenever the marks may have changed (conversation, pattern). */
  marksKey: string;
}) {
  const { container, marksKey } = props;
  const [count, setCount] = useState(0);
  const [current, setCurrent] = useState(-1);
  useEffect(() => {
    const box = container.current;
    if (!box) return;
    const update = () => setCount(box.querySelectorAll(MATCH).length);
    update();
    // The highlighter loads lazily and "Show all" adds text: recount when the transcript changes.
    const observer = new MutationObserver(update);
    observer.observe(box, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [container, marksKey]);

  const go = (direction: 1 | -1) => {
    const marks = [...(container.current?.querySelectorAll<HTMLElement>(MATCH) ?? [])];
    if (marks.length === 0) return;
    const next = (current + direction + marks.length) % marks.length;
    marks.forEach((m) => m.removeAttribute(CURRENT));
    const mark = marks[next]!;
    mark.setAttribute(CURRENT, 'true');
    const box = container.current!;
    const top = mark.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3) });
    setCurrent(next);
  };

  if (count === 0)
    return <span className="text-xs text-slate-500">No matches in this conversation</span>;
  return (
    <span className="inline-flex items-center gap-1 text-xs">
      <button
        type="button"
        onClick={() => go(-1)}
        className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100"
      >
        Previous match
      </button>
      <button
        type="button"
        onClick={() => go(1)}
        className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100"
      >
        Next match
      </button>
      <span aria-live="polite" className="text-slate-600 tabular-nums">
        {current >= 0 && current < count ? `Match ${current + 1} of ${count}` : `${count} matches`}
      </span>
    </span>
  );
}
