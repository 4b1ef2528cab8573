/** The columns the list can sort by: the closed list every ORDER BY identifier comes from. */
export const SORT_KEYS = ['row', 'max_score', 'turn', 'model', 'language'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';
export interface ConversationSort {
  key: SortKey;
  direction: SortDirection;
}

/** The dataset's own order. */
export const NATURAL_ORDER: ConversationSort = { key: 'row', direction: 'asc' };

/** `max_score.desc` -> a sort from the closed list; anything else is the natural order. */
export function parseSort(param: string | null): ConversationSort {
  const match = /^([a-z_]+)\.(asc|desc)$/.exec(param ?? '');
  const key = match?.[1] as SortKey | undefined;
  if (!match || !key || !SORT_KEYS.includes(key)) return NATURAL_ORDER;
  return { key, direction: match[2] as ConversationSort['direction'] };
}

/** The URL form; null for the natural order, which needs no param. */
export function sortParam(sort: ConversationSort): string | null {
  const natural = sort.key === NATURAL_ORDER.key && sort.direction === NATURAL_ORDER.direction;
  return natural ? null : `${sort.key}.${sort.direction}`;
}

/** Scores and turn counts are read from the top; names and the natural order from A and 1. */
export const FIRST_DIRECTION: Record<SortKey, ConversationSort['direction']> = {
  row: 'asc',
  max_score: 'desc',
  turn: 'desc',
  model: 'asc',
  language: 'asc',
};
