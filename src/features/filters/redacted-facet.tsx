import type { FacetCounts } from '../../model/facet-counts';
import { ValueFacet } from './value-facet';

const REDACTED = 'true';
const NOT_REDACTED = 'false';

/**
 * The dataset's `redacted` flag as two checkboxes that exclude each other: checking one picks it,
 * unchecking it drops the condition. Only shown when the shards have the column.
 */
export function RedactedFacet(props: {
  redacted: boolean | undefined;
  counts: FacetCounts['redacted'];
  onChange: (next: boolean | undefined) => void;
}) {
  const { redacted, counts, onChange } = props;
  const selected = redacted === undefined ? [] : [String(redacted)];
  return (
    <ValueFacet
      name="Redacted"
      options={[
        { value: REDACTED, label: 'Redacted', count: counts.true },
        { value: NOT_REDACTED, label: 'Not redacted', count: counts.false },
      ]}
      selected={selected}
      onToggle={(value) => onChange(selected.includes(value) ? undefined : value === REDACTED)}
    />
  );
}
