import { useEffect } from 'react';
import { takePendingOpen, type DataSource, setHubToken } from '../../db';
import { typedUrlSource } from './data-source-from-url';

/**
 * After the reload that allowed a new data host (connect-policy.ts), opens what the Open dialog
 * was asked for once the dataset the link names has opened, failed or been cancelled: a newer
 * open would cancel it, and this way a failure of the new one leaves it open.
 */
export function usePendingOpen(settled: boolean, open: (source: DataSource) => void) {
  useEffect(() => {
    if (!settled) return;
    const pending = takePendingOpen();
    if (!pending) return;
    if (pending.token) setHubToken(pending.token);
    open(typedUrlSource(pending.urls));
  }, [settled, open]);
}
