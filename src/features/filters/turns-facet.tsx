import { useId } from 'react';
import type { TurnBucket } from '../../model/facet-counts';
import { parseTurnRangeInput } from './filter-inputs';
import type { TurnRange } from '../../model/filters';
import { TurnsHistogram } from './turns-histogram';
import { useDebouncedCommit, useDraft } from './use-draft';

/** Pause in typing before a range applies (Enter and leaving the box apply at once). */
const TYPING_PAUSE_MS = 600;

interface Draft {
  min: string;
  max: string;
}

const rangeKey = ({ min, max }: TurnRange) => `${min ?? ''}-${max ?? ''}`;
const toDraft = ({ min, max }: TurnRange): Draft => ({
  min: min === undefined ? '' : String(min),
  max: max === undefined ? '' : String(max),
});
/** A draft's meaning as a range key, or a key no range has when it is invalid. */
const draftKey = (draft: Draft) => {
  const parsed = parseTurnRangeInput(draft.min, draft.max);
  return parsed.ok ? rangeKey(parsed.value) : 'invalid';
};

/** The turns range as two number boxes, and a histogram whose bars pick a bucket. */
export function TurnsFacet(props: {
  turns: TurnRange;
  buckets: readonly TurnBucket[];
  onChange: (next: TurnRange) => void;
}) {
  const { turns, buckets, onChange } = props;
  const messageId = useId();
  const [draft, setDraft] = useDraft(rangeKey(turns), () => toDraft(turns), draftKey);
  const parsed = parseTurnRangeInput(draft.min, draft.max);
  const apply = (next: Draft) => {
    const range = parseTurnRangeInput(next.min, next.max);
    if (range.ok && rangeKey(range.value) !== rangeKey(turns)) onChange(range.value);
  };
  const { schedule, flush, cancel } = useDebouncedCommit(apply, TYPING_PAUSE_MS);
  const edit = (field: keyof Draft, input: HTMLInputElement) => {
    // A number box reports "" for text it cannot read; keep it invalid rather than open.
    const text = input.validity.badInput ? 'not a number' : input.value;
    const next = { ...draft, [field]: text };
    setDraft(next);
    schedule(next);
  };
  const box = (field: keyof Draft, label: string) => (
    <label className="flex flex-1 flex-col gap-0.5 text-xs text-slate-600">
      {label}
      <input
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
        value={draft[field] === 'not a number' ? '' : draft[field]}
        aria-invalid={!parsed.ok}
        aria-describedby={parsed.ok ? undefined : messageId}
        onChange={(e) => edit(field, e.currentTarget)}
        onKeyDown={(e) => e.key === 'Enter' && flush()}
        onBlur={flush}
        className="w-full rounded border border-slate-300 px-1.5 py-0.5 text-sm text-slate-900 tabular-nums aria-invalid:border-red-500"
      />
    </label>
  );
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Turns
      </legend>
      <div className="flex gap-2">
        {box('min', 'Minimum turns')}
        {box('max', 'Maximum turns')}
      </div>
      {!parsed.ok && (
        <p id={messageId} aria-live="polite" className="text-xs text-red-700">
          {parsed.message}
        </p>
      )}
      <TurnsHistogram
        buckets={buckets}
        turns={turns}
        onPick={(range) => {
          cancel();
          onChange(range);
        }}
      />
    </fieldset>
  );
}
