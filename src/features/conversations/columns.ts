import type { SortKey } from '../../model/sorts';

/** Fixed heights keep every row where the virtualizer expects it: no measuring, no layout jumps. */
export const ROW_HEIGHT = 32;
export const HEADER_HEIGHT = 36;

/** Shared by the header and every row so the columns line up. */
export const GRID_COLUMNS =
  'grid grid-cols-[minmax(3rem,4.5rem)_5.5rem_minmax(5rem,11rem)_minmax(4.5rem,8rem)_3.5rem_minmax(5.5rem,1fr)_5.5rem_minmax(0,1.6fr)]';

export interface Column {
  label: string;
  sortKey?: SortKey;
  numeric?: boolean;
}

export const COLUMNS: readonly Column[] = [
  { label: 'Row', sortKey: 'row', numeric: true },
  { label: 'Id' },
  { label: 'Model', sortKey: 'model' },
  { label: 'Language', sortKey: 'language' },
  { label: 'Turns', sortKey: 'turn', numeric: true },
  { label: 'Moderation' },
  { label: 'Max score', sortKey: 'max_score', numeric: true },
  { label: 'First prompt' },
];
