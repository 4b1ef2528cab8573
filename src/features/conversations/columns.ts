import type { SortKey } from '../../sql/conversation-window';

/** Fixed heights keep every row where the virtualizer expects it: no measuring, no layout jumps. */
export const ROW_HEIGHT = 32;
export const HEADER_HEIGHT = 36;

/** Shared by the header and every row so the columns line up. */
export const GRID_COLUMNS =
  'grid grid-cols-[4.5rem_7rem_minmax(7rem,11rem)_minmax(6rem,8rem)_4.5rem_minmax(0,1fr)_7rem]';

export interface Column {
  label: string;
  sortKey?: SortKey;
  numeric?: boolean;
}

export const COLUMNS: readonly Column[] = [
  { label: 'Row', sortKey: 'row', numeric: true },
  { label: 'Conversation' },
  { label: 'Model', sortKey: 'model' },
  { label: 'Language', sortKey: 'language' },
  { label: 'Turns', sortKey: 'turn', numeric: true },
  { label: 'Moderation' },
  { label: 'Max score', sortKey: 'max_score', numeric: true },
];
