import { useEffect } from 'react';
import type { DataSource } from '../../db/data-source';
import { replaceSearchParams } from '../conversations/url-state';

/**
 * Once `source` is the open dataset, the URL's `data` params say so: its URLs (repeatable), or none
 * for the sample and for local files, which no link can reopen. The conversation and message of the
 * previous dataset (`c`, `m`) go; filters stay. No new history entry: going Back does not reopen
 * the previous dataset, so it should not pretend to.
 */
export function useSourceLink(source: DataSource, activeSourceId: string | undefined) {
  useEffect(() => {
    if (activeSourceId !== source.id) return;
    replaceSearchParams((params) => {
      const before = params.getAll('data');
      const after = source.link ?? [];
      if (before.length === after.length && before.every((u, i) => u === after[i])) return;
      params.delete('data');
      for (const url of after) params.append('data', url);
      params.delete('c');
      params.delete('m');
    });
  }, [source, activeSourceId]);
}
