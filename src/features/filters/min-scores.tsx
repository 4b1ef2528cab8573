import { useId, useState } from 'react';
import { CATEGORIES, type CategoryId } from '../../model/moderation';
import { withMinScore, type Filters } from '../../model/filters';
import { MinScoreRow } from './min-score-row';

/** The per-category minimum scores, behind a disclosure that starts open when one is set. */
export function MinScores(props: { filters: Filters; onChange: (next: Filters) => void }) {
  const { filters, onChange } = props;
  const active = Object.keys(filters.minScores).length;
  // Until the user toggles it, the list is open exactly when a minimum is set (also after Back).
  const [toggled, setToggled] = useState<boolean | undefined>(undefined);
  const expanded = toggled ?? active > 0;
  const listId = useId();
  const setScore = (id: CategoryId, score: number | undefined) =>
    onChange(withMinScore(filters, id, score));
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setToggled(!expanded)}
          className="text-xs font-semibold tracking-wide text-slate-500 uppercase hover:text-slate-800"
        >
          <span aria-hidden="true">{expanded ? '▾ ' : '▸ '}</span>
          Minimum scores
        </button>
        {active > 0 && <span className="text-xs text-sky-700">{active} set</span>}
      </div>
      <ul id={listId} hidden={!expanded} className="flex flex-col gap-1.5">
        {CATEGORIES.map(({ id, name }) => (
          <MinScoreRow
            key={id}
            id={id}
            name={name}
            score={filters.minScores[id]}
            onChange={setScore}
          />
        ))}
      </ul>
    </div>
  );
}
