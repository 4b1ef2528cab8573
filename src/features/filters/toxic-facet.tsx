import type { FacetCounts } from '../../model/facet-counts';
import { ValueFacet } from './value-facet';

const TOXIC = 'true';
const NOT_TOXIC = 'false';

/**
 * WildChat-1M's `toxic` flag as two checkboxes that exclude each other, like the Redacted facet.
 * Only shown when the shards have the column.
 */
export function ToxicFacet(props: {
  toxic: boolean | undefined;
  counts: FacetCounts['toxic'];
  onChange: (next: boolean | undefined) => void;
}) {
  const { toxic, counts, onChange } = props;
  const selected = toxic === undefined ? [] : [String(toxic)];
  return (
    <ValueFacet
      name="Toxic"
      options={[
        { value: TOXIC, label: 'Toxic', count: counts.true },
        { value: NOT_TOXIC, label: 'Not toxic', count: counts.false },
      ]}
      selected={selected}
      onToggle={(value) => onChange(selected.includes(value) ? undefined : value === TOXIC)}
    />
  );
}
