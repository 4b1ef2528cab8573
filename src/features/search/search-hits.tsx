import { useQuery } from '@tanstack/react-query';
import { useEngine, type SearchSnippet } from '../../db';
import { useIsSelectedRow, useOpenRow } from '../conversations';
import { hitDetailsOptions } from './search-queries';

/** Characters shown before a match, so the match stays in view in a one-line row. */
const BEFORE_SHOWN = 30;

function lastChars(text: string, n: number): string {
  const chars = Array.from(text);
  return chars.length > n ? `…${chars.slice(-n).join('')}` : text;
}

/** The first conversations found, as they are found: id, model and the text around the match. */
export function SearchHits(props: { datasetId: number; snippets: readonly SearchSnippet[] }) {
  const engine = useEngine();
  const { datasetId, snippets } = props;
  // By row, not by id: two rows can share an id.
  const isSelected = useIsSelectedRow(datasetId);
  const open = useOpenRow(datasetId);
  const details = useQuery(
    hitDetailsOptions(
      engine,
      datasetId,
      snippets.map((s) => s.row),
    ),
  );
  if (snippets.length === 0) return null;
  return (
    <section aria-label="First search hits" className="text-sm">
      <h2 className="sr-only">First search hits</h2>
      <ul className="max-h-56 divide-y divide-slate-100 overflow-y-auto rounded border border-slate-200">
        {snippets.map((hit) => {
          const detail = details.data?.get(hit.row);
          const id = detail?.conversation_id;
          return (
            <li key={hit.row}>
              <button
                type="button"
                disabled={!id}
                aria-current={
                  id !== undefined && isSelected({ row: hit.row, conversation_id: id })
                    ? 'true'
                    : undefined
                }
                onClick={() => id && void open({ row: hit.row, conversation_id: id })}
                className="flex w-full gap-2 px-2 py-1 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-600 aria-[current=true]:bg-sky-50"
              >
                <span className="w-20 shrink-0 font-mono text-xs text-slate-500">
                  {id ? id.slice(0, 8) : '…'}
                </span>
                <span className="w-28 shrink-0 truncate text-xs text-slate-600">
                  {detail?.model ?? ''}
                </span>
                <span className="min-w-0 flex-1 truncate">
                  {lastChars(hit.before, BEFORE_SHOWN)}
                  <mark>{hit.match}</mark>
                  {hit.after}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
