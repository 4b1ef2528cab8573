import { useCallback } from 'react';
import { replaceSearchParams, useSearchParam } from '../../lib/url-params';

/**
 * The message in view (`m=<k>`, 1-based) as a 0-based index, or null. Moving between messages
 * replaces the history entry: Back leaves the conversation rather than stepping through its messages.
 */
export function useMessageParam() {
  const param = useSearchParam('m');
  const parsed = param !== null && /^[1-9]\d{0,6}$/.test(param) ? Number(param) - 1 : null;
  const setMessage = useCallback((index: number | null) => {
    replaceSearchParams((params) => {
      if (index === null) params.delete('m');
      else params.set('m', String(index + 1));
    });
  }, []);
  return { messageIndex: parsed, setMessage };
}
