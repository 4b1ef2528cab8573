import { useId, useState } from 'react';
import type { MessageRecord } from '../../db';
import { CATEGORIES } from '../../model/moderation';
import { formatScore } from './message-moderation';

type Moderation = NonNullable<MessageRecord['moderation']>;

/**
 * The 11 category scores of one message: a compact strip of bars (hover shows exact values) and a
 * "Scores" button that expands a labelled list with every value, readable by keyboard and screen
 * reader. Bar heights use a square root so mid-range scores stay visible without hiding small ones.
 */
export function ScoreBars({ moderation }: { moderation: Moderation }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-end gap-2">
        <div className="flex h-5 items-end gap-px" aria-hidden="true">
          {CATEGORIES.map((c) => {
            const score = barLength(moderation.scores[c.name]);
            const flagged = moderation.categories[c.name] === true;
            return (
              <div
                key={c.id}
                title={`${c.name}: ${formatScore(moderation.scores[c.name])}`}
                className="flex h-5 w-2 items-end bg-slate-100"
              >
                <div
                  className={flagged ? 'w-full bg-red-600' : 'w-full bg-slate-400'}
                  style={{ height: `${Math.max(score > 0 ? 4 : 0, Math.sqrt(score) * 100)}%` }}
                />
              </div>
            );
          })}
        </div>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
          className="rounded px-1 text-xs text-slate-600 underline decoration-dotted hover:bg-slate-100"
        >
          Scores
        </button>
      </div>
      {open && (
        <ul id={listId} aria-label="Category scores" className="grid max-w-md gap-0.5 text-xs">
          {CATEGORIES.map((c) => {
            const score = moderation.scores[c.name];
            const flagged = moderation.categories[c.name] === true;
            return (
              <li key={c.id} className="grid grid-cols-[10rem_1fr_4.5rem] items-center gap-2">
                <span className={flagged ? 'font-semibold text-red-800' : ''}>{c.name}</span>
                <span className="h-2 bg-slate-100" aria-hidden="true">
                  <span
                    className={`block h-2 ${flagged ? 'bg-red-600' : 'bg-slate-400'}`}
                    style={{ width: `${Math.sqrt(barLength(score)) * 100}%` }}
                  />
                </span>
                <span className="text-right tabular-nums" title={String(score ?? 'missing')}>
                  {formatScore(score)}
                  {flagged && <span className="sr-only"> (flagged)</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** A bar's length from 0 to 1: an invalid score (NaN, out of range) draws none, or a full one. */
function barLength(score: number | null | undefined): number {
  if (score === null || score === undefined || Number.isNaN(score)) return 0;
  return Math.min(1, Math.max(0, score));
}
