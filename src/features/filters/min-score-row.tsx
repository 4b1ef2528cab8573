import { useId } from 'react';
import type { CategoryId } from '../../model/moderation';
import { parseScoreInput } from './filter-inputs';
import { useDebouncedCommit, useDraft } from './use-draft';

/** Pause in dragging or typing before a minimum applies (Enter and leaving the box apply at once). */
const PAUSE_MS = 400;

const scoreKey = (score: number | undefined) => (score === undefined ? '' : String(score));

/**
 * One category's minimum score: a 0-1 slider for coarse values and a text box for exact or tiny
 * ones (`1e-4`), which the slider cannot reach. Both carry the same name; their roles differ.
 * The slider at 0 means no minimum (a minimum of 0 would also drop conversations with no score).
 */
export function MinScoreRow(props: {
  id: CategoryId;
  name: string;
  score: number | undefined;
  onChange: (id: CategoryId, score: number | undefined) => void;
}) {
  const { id, name, score, onChange } = props;
  const messageId = useId();
  const label = `Minimum ${name} score`;
  const [text, setText] = useDraft(
    scoreKey(score),
    () => scoreKey(score),
    (draft) => {
      const parsed = parseScoreInput(id, draft);
      return parsed.ok ? scoreKey(parsed.value) : 'invalid';
    },
  );
  const parsed = parseScoreInput(id, text);
  const apply = (draft: string) => {
    const next = parseScoreInput(id, draft);
    if (next.ok && next.value !== score) onChange(id, next.value);
  };
  const { schedule, flush } = useDebouncedCommit(apply, PAUSE_MS);
  const edit = (draft: string) => {
    setText(draft);
    schedule(draft);
  };
  return (
    <li className="flex flex-col gap-0.5">
      <span aria-hidden="true" className="text-xs text-slate-600">
        {name}
      </span>
      <div className="flex items-center gap-2">
        <input
          type="range"
          min={0}
          max={1}
          step={0.01}
          aria-label={label}
          value={parsed.ok ? (parsed.value ?? 0) : (score ?? 0)}
          onChange={(e) => edit(e.currentTarget.value === '0' ? '' : e.currentTarget.value)}
          onPointerUp={flush}
          onKeyUp={flush}
          className="min-w-0 flex-1 accent-sky-600"
        />
        <input
          type="text"
          inputMode="decimal"
          spellCheck={false}
          aria-label={label}
          placeholder="0"
          value={text}
          aria-invalid={!parsed.ok}
          aria-describedby={parsed.ok ? undefined : messageId}
          onChange={(e) => edit(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && flush()}
          onBlur={flush}
          className="w-16 rounded border border-slate-300 px-1.5 py-0.5 text-sm tabular-nums aria-invalid:border-red-500"
        />
      </div>
      {!parsed.ok && (
        <p id={messageId} aria-live="polite" className="text-xs text-red-700">
          {parsed.message}
        </p>
      )}
    </li>
  );
}
