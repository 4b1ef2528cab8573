import { useState } from 'react';
import { useFilters } from './use-filters';
import { Notice } from '../../components/notice';

/** The URL params the filter parser dropped, until dismissed (a new set of problems shows again). */
export function UrlProblemsNotice() {
  const { problems } = useFilters();
  const text = problems.join(' ');
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (problems.length === 0 || dismissed === text) return null;
  return (
    <Notice
      tone="warning"
      as="div"
      role="note"
      aria-label="Ignored URL parameters"
      className="flex items-start gap-3"
    >
      <p className="flex-1">Ignored URL parameters: {text}</p>
      <button
        type="button"
        onClick={() => setDismissed(text)}
        className="rounded border border-amber-300 bg-white px-2 py-0.5 hover:bg-amber-100"
      >
        Dismiss
      </button>
    </Notice>
  );
}
