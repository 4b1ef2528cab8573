import { formatCount } from '../../lib/format';
import { Notice } from '../../components/notice';

/**
 * Shown when several rows of the dataset share the open conversation's id: which of them this is.
 * A link without `cn` (made before ids were told apart, or by hand) opens the first, and says so.
 */
export function SharedIdNote(props: { occurrence: number; rows: number; chosen: boolean }) {
  const { occurrence, rows, chosen } = props;
  if (rows < 2) return null;
  if (!chosen)
    return (
      <Notice tone="warning" compact className="text-xs">
        {formatCount(rows)} conversations share this id; this is the first of them. Open the others
        from the list.
      </Notice>
    );
  return (
    <p className="text-xs text-slate-600">
      Conversation {formatCount(occurrence)} of the {formatCount(rows)} that share this id.
    </p>
  );
}
