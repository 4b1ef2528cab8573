import { useCallback } from 'react';
import { pushSearchParams, useSearchParam } from './url-state';

/** The selected conversation (`c=<conversation_id>` in the URL), shared by the list and the viewer. */
export function useSelectedConversation() {
  const selectedId = useSearchParam('c');
  const select = useCallback((id: string | null) => {
    pushSearchParams((params) => {
      if (id === null) params.delete('c');
      else params.set('c', id);
    });
  }, []);
  return { selectedId, select };
}
