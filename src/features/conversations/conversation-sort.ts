import { useCallback, useMemo } from 'react';
import { FIRST_DIRECTION, parseSort, sortParam, type SortKey } from '../../model/sorts';
import { pushSearchParams, useSearchParam } from '../../lib/url-params';

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
