import { useCallback } from 'react';
import { pushSearchParams, useSearchParam } from './url-params';

/**
 * Which of the rows sharing an id is open (`cn`, 1-based in the dataset's natural order). Only
 * written for an id that several rows share, so links to unique ids stay `c=<id>` alone.
 */
export const OCCURRENCE_PARAM = 'cn';

/** `cn` as a number: a plain positive whole number, anything else is ignored (the first row). */
export function parseOccurrence(value: string | null): number | null {
  return value !== null && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

/**
 * The selected conversation (`c=<conversation_id>` in the URL, and `cn=<k>` when the id is shared),
 * shared by the list and the viewer. Choosing another conversation drops the message position
 * (`m`) of the previous one.
 */
export function useSelectedConversation() {
  const selectedId = useSearchParam('c');
  const occurrence = parseOccurrence(useSearchParam(OCCURRENCE_PARAM));
  const select = useCallback((id: string | null, occurrence: number | null = null) => {
    pushSearchParams((params) => {
      const before = parseOccurrence(params.get(OCCURRENCE_PARAM)) ?? 1;
      if (params.get('c') !== id || before !== (occurrence ?? 1)) params.delete('m');
      if (id === null) params.delete('c');
      else params.set('c', id);
      if (id === null || occurrence === null) params.delete(OCCURRENCE_PARAM);
      else params.set(OCCURRENCE_PARAM, String(occurrence));
    });
  }, []);
  return { selectedId, occurrence, select };
}
