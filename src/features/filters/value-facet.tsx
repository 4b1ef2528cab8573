import { useId, useState } from 'react';
import { formatCount } from '../../lib/format';
import { visibleOptions, type FacetOption } from './facet-options';

export type { FacetOption };

/**
 * A group of checkboxes, one per value, each labelled with exactly its value; the count sits beside
 * the label. With `limit`, only the first values show until "Show all" is pressed (selected values
 * always show). Selected values with no match stay visible, greyed. With `findLabel`, a text box
 * narrows the options to those whose label contains the text, ignoring case; selected values stay.
 */
export function ValueFacet(props: {
  name: string;
  options: readonly FacetOption[];
  selected: readonly string[];
  onToggle: (value: string) => void;
  limit?: number;
  findLabel?: string;
}) {
  const { name, options, selected, onToggle, limit, findLabel } = props;
  const [expanded, setExpanded] = useState(false);
  const [find, setFind] = useState('');
  const listId = useId();
  const { found, shown, collapsible } = visibleOptions({
    options,
    selected,
    find,
    limit,
    expanded,
  });
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {name}
      </legend>
      {findLabel !== undefined && options.length > 0 && (
        <input
          type="text"
          spellCheck={false}
          aria-label={findLabel}
          placeholder={`${findLabel}…`}
          aria-controls={listId}
          value={find}
          onChange={(e) => setFind(e.currentTarget.value)}
          className="rounded border border-slate-300 px-1.5 py-0.5 text-sm"
        />
      )}
      <ul id={listId} className="flex flex-col gap-0.5">
        {shown.map((option) => (
          <OptionRow
            key={option.value}
            option={option}
            checked={selected.includes(option.value)}
            onToggle={onToggle}
          />
        ))}
      </ul>
      {options.length === 0 && <p className="text-slate-400">No values</p>}
      {options.length > 0 && found.length === 0 && (
        <p className="text-slate-400">No value contains “{find.trim()}”</p>
      )}
      {collapsible && (
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded(!expanded)}
          className="self-start text-sky-700 hover:underline"
        >
          {expanded ? 'Show fewer' : `Show all (${found.length})`}
        </button>
      )}
    </fieldset>
  );
}

function OptionRow(props: {
  option: FacetOption;
  checked: boolean;
  onToggle: (value: string) => void;
}) {
  const { option, checked, onToggle } = props;
  const empty = option.count === 0;
  return (
    <li className={`flex items-center gap-2 ${empty ? 'text-slate-400' : 'text-slate-800'}`}>
      <label className="flex min-w-0 flex-1 items-center gap-2">
        <input
          type="checkbox"
          checked={checked}
          onChange={() => onToggle(option.value)}
          className="accent-sky-600"
        />
        <span className="truncate" title={option.label ?? option.value}>
          {option.label ?? option.value}
        </span>
      </label>
      <span aria-hidden="true" className="text-xs text-slate-500 tabular-nums">
        {formatCount(option.count)}
      </span>
    </li>
  );
}
