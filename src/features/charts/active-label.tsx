import { useEffect } from 'react';
import { useActiveTooltipLabel } from 'recharts';

/** Reports the label Recharts' tooltip points at (hover or arrow keys); see use-enter-to-select. */
export function ActiveLabel({ onChange }: { onChange: (label: string | undefined) => void }) {
  const label = useActiveTooltipLabel();
  useEffect(() => onChange(label === undefined ? undefined : String(label)), [label, onChange]);
  return null;
}
