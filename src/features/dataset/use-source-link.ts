import { useEffect, useRef } from 'react';
import type { DataSource } from '../../db';
import { replaceSearchParams } from '../../lib/url-params';

/**
 * Once `source` is the open dataset, the URL's `data` params say so: its URLs (repeatable), or none
 * for the sample and for local files, which no link can reopen. When it replaces another dataset,
 * the conversation and message of the previous one (`c`, `cn`, `m`) go, even if `data` stays the same
 * (one set of local files after another); on the first open they stay, so a deep link works.
 * Filters stay. No new history entry: going Back does not reopen the previous dataset, so it
 * should not pretend to.
 */
export function useSourceLink(source: DataSource, activeSourceId: string | undefined) {
  const shown = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (activeSourceId !== source.id) return;
    const replaced = shown.current !== undefined && shown.current !== source.id;
    shown.current = source.id;
    replaceSearchParams((params) => {
      const before = params.getAll('data');
      const after = source.link ?? [];
      const sameData = before.length === after.length && before.every((u, i) => u === after[i]);
      if (sameData && !replaced) return;
      params.delete('data');
      for (const url of after) params.append('data', url);
      params.delete('c');
      params.delete('cn');
      params.delete('m');
    });
  }, [source, activeSourceId]);
}
