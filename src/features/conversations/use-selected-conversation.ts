import { useCallback } from 'react';
import { pushSearchParams, useSearchParam } from './url-state';

/**
 * The selected conversation (`c=<conversation_id>` in the URL), shared by the list and the viewer.
 * Choosing another conversation drops the message position (`m`) of the previous one.
 */
export function useSelectedConversation() {
  const selectedId = useSearchParam('c');
  const select = useCallback((id: string | null) => {
    pushSearchParams((params) => {
      if (params.get('c') !== id) params.delete('m');
      if (id === null) params.delete('c');
      else params.set('c', id);
    });
  }, []);
  return { selectedId, select };
}
