import { useId, useState, type FormEvent } from 'react';
import { SEARCH_SCOPES, type SearchScope, type SearchSpec } from '../../model/search-spec';
import { searchPattern } from '../../model/search-pattern';
import { searchKey } from './search-store';

const EMPTY_SPEC: SearchSpec = { text: '', scope: 'all', regex: false, wholeWord: false };

const SCOPE_LABELS: Record<SearchScope, string> = {
  all: 'All messages',
  user: 'User messages',
  assistant: 'Assistant messages',
};

/**
 * The search box and its options. Submits on Enter (never per keystroke: each search reads all the
 * text); changing an option re-submits a non-empty box; emptying the box removes the search. An
 * invalid regular expression is reported beside the box and nothing runs.
 */
export function SearchForm(props: {
  initial: SearchSpec | undefined;
  onSubmit: (spec: SearchSpec) => void;
  onClear: () => void;
  /** The user is about to search: a chance to warm up. */
  onFocus?: () => void;
}) {
  const { initial, onSubmit, onClear, onFocus } = props;
  const [draft, setDraft] = useState<SearchSpec>(initial ?? EMPTY_SPEC);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  // When the URL's search changes from elsewhere (Back, a link) the box shows it; after our own
  // submit it already does, and keeps its focus.
  const initialKey = initial ? searchKey(initial) : '';
  const [shownKey, setShownKey] = useState(initialKey);
  if (initialKey !== shownKey) {
    setShownKey(initialKey);
    const alreadyShown = initial ? searchKey(draft) === initialKey : draft.text === '';
    if (!alreadyShown) {
      setDraft(initial ?? EMPTY_SPEC);
      setError(null);
    }
  }

  const submit = (spec: SearchSpec) => {
    if (spec.text === '') {
      setError(null);
      onClear();
      return;
    }
    const built = searchPattern(spec);
    if ('error' in built) {
      setError(built.error);
      return;
    }
    setError(null);
    onSubmit(spec);
  };
  const change = (patch: Partial<SearchSpec>, resubmit: boolean) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (resubmit && next.text !== '') submit(next);
    else setError(null);
  };
  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(draft);
  };

  return (
    <form role="search" onSubmit={onFormSubmit} className="flex flex-col gap-1 text-sm">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <input
          type="search"
          aria-label="Search conversations"
          onFocus={onFocus}
          placeholder="Search conversations…"
          value={draft.text}
          onChange={(e) => {
            const text = e.target.value;
            change({ text }, false);
            if (text === '' && initial) onClear();
          }}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          className="min-w-48 flex-1 rounded border border-slate-300 px-2 py-1 focus:outline-2 focus:outline-sky-600"
        />
        <button
          type="submit"
          className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600"
        >
          Search
        </button>
        <label className="flex items-center gap-1">
          <span aria-hidden>In:</span>
          <select
            aria-label="Search in"
            value={draft.scope}
            onChange={(e) => change({ scope: e.target.value as SearchScope }, true)}
            className="rounded border border-slate-300 bg-white px-1 py-1"
          >
            {SEARCH_SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {SCOPE_LABELS[scope]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={draft.regex}
            onChange={(e) => change({ regex: e.target.checked }, true)}
          />
          Regular expression
        </label>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={draft.wholeWord}
            onChange={(e) => change({ wholeWord: e.target.checked }, true)}
          />
          Whole word
        </label>
      </div>
      {error && (
        <p id={errorId} role="alert" className="text-red-800">
          {error}
        </p>
      )}
    </form>
  );
}
