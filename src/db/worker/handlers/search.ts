import { scanSearchBatch, searchMatcher, type SearchMatcher } from '../../search/search-scan';
import type { SearchTask, WorkerResults } from '../parquet-protocol';
import { withRowGroup } from '../shard-files';

/** Compiled once per search: every row group of one search carries the same spec. */
let lastMatcher: { key: string; matcher: SearchMatcher } | undefined;

/** One row group's text scanned for the search's spec: matching rows and the first snippets. */
export async function search(task: SearchTask): Promise<WorkerResults['search']> {
  const key = JSON.stringify(task.spec);
  if (lastMatcher?.key !== key) {
    const built = searchMatcher(task.spec);
    if ('error' in built) throw new Error(built.error);
    lastMatcher = { key, matcher: built };
  }
  const { matcher } = lastMatcher;
  const only = task.only && new Set(task.only);
  const keep = only && ((row: number) => only.has(row));
  return withRowGroup(task.shard, task.rowGroup, task.leaves, (input) => {
    const result: WorkerResults['search'] = { rows: [], snippets: [], scanned: input.numRows };
    let firstRow = task.firstRow;
    for (const batch of input.batches) {
      const limit = task.snippetLimit - result.snippets.length;
      const hits = scanSearchBatch(batch, matcher, task.spec.scope, firstRow, limit, keep);
      for (const row of hits.rows) result.rows.push(row);
      result.snippets.push(...hits.snippets);
      firstRow += batch.numRows;
    }
    return result;
  });
}
