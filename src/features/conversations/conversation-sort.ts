import { useCallback, useMemo } from 'react';
import {
  NATURAL_ORDER,
  SORT_KEYS,
  type ConversationSort,
  type SortKey,
} from '../../sql/conversation-window';
import { pushSearchParams, useSearchParam } from './url-state';

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
const FIRST_DIRECTION: Record<SortKey, ConversationSort['direction']> = {
  row: 'asc',
  max_score: 'desc',
  turn: 'desc',
  model: 'asc',
  language: 'asc',
};

/** The sort in the URL (`sort=`), and a toggle for column headers. */
export function useConversationSort() {
  const param = useSearchParam('sort');
  const sort = useMemo(() => parseSort(param), [param]);
  const toggle = useCallback(
    (key: SortKey) => {
      const direction =
        sort.key === key ? (sort.direction === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[key];
      const next = sortParam({ key, direction });
      pushSearchParams((params) => {
        if (next === null) params.delete('sort');
        else params.set('sort', next);
      });
    },
    [sort],
  );
  return { sort, toggle };
}
