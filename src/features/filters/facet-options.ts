export interface FacetOption {
  value: string;
  /** The checkbox's accessible name; the value itself when missing. */
  label?: string;
  count: number;
}

/**
 * Which options a value facet lists. `find` keeps the options whose label contains it, ignoring
 * case; then, collapsed, only the first `limit` of those. Selected options always stay listed.
 * `found` is every option the find box lets through; `collapsible` says whether "Show all" applies.
 */
export function visibleOptions(input: {
  options: readonly FacetOption[];
  selected: readonly string[];
  find: string;
  limit?: number;
  expanded: boolean;
}) {
  const { options, selected, find, limit, expanded } = input;
  const needle = find.trim().toLocaleLowerCase();
  const found = needle
    ? options.filter(
        (o) =>
          selected.includes(o.value) || (o.label ?? o.value).toLocaleLowerCase().includes(needle),
      )
    : options;
  const collapsible = limit !== undefined && found.length > limit;
  const shown =
    collapsible && !expanded
      ? found.filter((o, i) => i < limit || selected.includes(o.value))
      : found;
  return { found, shown, collapsible };
}
