import { formatCount } from '../../lib/format';
import type { FacetCounts } from '../../model/facet-counts';
import { CATEGORIES, type CategoryId } from '../../model/moderation';
import { FLAGGED_LABELS } from './active-filters';
import {
  FLAGGED_MODES,
  toggleValue,
  type CategoryMode,
  type Filters,
  type FlaggedMode,
} from '../../model/filters';
import { MinScores } from './min-scores';
import { ValueFacet } from './value-facet';

const FLAGGED_CHOICES: readonly { mode: FlaggedMode | 'all'; label: string }[] = [
  { mode: 'all', label: 'All conversations' },
  ...FLAGGED_MODES.map((mode) => ({ mode, label: FLAGGED_LABELS[mode] })),
];

const MODES: readonly { mode: CategoryMode; label: string }[] = [
  { mode: 'any', label: 'Any of' },
  { mode: 'all', label: 'All of' },
];

/**
 * Which messages are flagged (a radio group), the flagged categories (any-of or all-of) and the
 * per-category minimum scores.
 */
export function ModerationFacet(props: {
  filters: Filters;
  counts: FacetCounts | undefined;
  onChange: (next: Filters) => void;
}) {
  const { filters, counts, onChange } = props;
  const flaggedCount = (mode: FlaggedMode | 'all') =>
    counts === undefined
      ? undefined
      : mode === 'all'
        ? counts.flagged.any + counts.flagged.none
        : counts.flagged[mode];
  const setFlagged = (mode: FlaggedMode | 'all') => {
    const next = { ...filters };
    if (mode === 'all') delete next.flagged;
    else next.flagged = mode;
    onChange(next);
  };
  const categoryOptions = CATEGORIES.map((c) => ({
    value: c.id,
    label: c.name,
    count: counts?.categories[c.id] ?? 0,
  }));
  return (
    <div role="group" aria-label="Moderation" className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-0.5">
        <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
          Flagged
        </legend>
        {FLAGGED_CHOICES.map(({ mode, label }) => (
          <div key={mode} className="flex items-center gap-2">
            <label className="flex flex-1 items-center gap-2">
              <input
                type="radio"
                name="flagged"
                checked={(filters.flagged ?? 'all') === mode}
                onChange={() => setFlagged(mode)}
                className="accent-sky-600"
              />
              {label}
            </label>
            <span aria-hidden="true" className="text-xs text-slate-500 tabular-nums">
              {formatCount(flaggedCount(mode) ?? 0)}
            </span>
          </div>
        ))}
      </fieldset>
      <ValueFacet
        name="Categories"
        options={categoryOptions}
        selected={filters.categories}
        onToggle={(id) =>
          onChange({ ...filters, categories: toggleValue(filters.categories, id as CategoryId) })
        }
      />
      <fieldset className="flex items-center gap-3">
        <legend className="sr-only">Category match</legend>
        {MODES.map(({ mode, label }) => (
          <label key={mode} className="flex items-center gap-1">
            <input
              type="radio"
              name="catmode"
              checked={filters.categoryMode === mode}
              onChange={() => onChange({ ...filters, categoryMode: mode })}
              className="accent-sky-600"
            />
            {label}
          </label>
        ))}
      </fieldset>
      <MinScores filters={filters} onChange={onChange} />
    </div>
  );
}
