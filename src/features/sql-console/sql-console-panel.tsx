import { useRef, useState } from 'react';
import { errorPosition } from '../../sql/console-statement';
import { formatCount } from '../../lib/format';
import { replaceSearchParams, useSearchParam } from '../../lib/url-params';
import { readHistory, saveHistory, withQuery } from './query-history';
import { ResultsTable } from './results-table';
import { MessagesLoader } from './messages-loader';
import { SchemaList } from './schema-list';
import { CONSOLE_ROW_CAP, useConsoleQuery } from './use-console-query';
import { type ConsoleResult, ID_COLUMN } from '../../db';
import { useFilters } from '../filters';
import { useIdFilter } from './use-id-filter';
import { Notice } from '../../components/notice';

const EXAMPLE = `SELECT model, count(*) AS conversations, avg(turn) AS mean_turns
FROM conversations
GROUP BY model
ORDER BY conversations DESC`;

/**
 * DuckDB SQL over the open dataset. The query text lives in the URL (`sql=`) once run, so a link
 * shares it; a query that arrives in a link is only shown until the user clicks Run.
 */
export function SqlConsolePanel({ datasetId }: { datasetId: number }) {
  const linked = useSearchParam('sql');
  const [text, setText] = useState(linked ?? EXAMPLE);
  const [fromLink, setFromLink] = useState(linked !== null);
  const [history, setHistory] = useState(readHistory);
  const editor = useRef<HTMLTextAreaElement>(null);
  const query = useConsoleQuery(datasetId);
  const idFilter = useIdFilter();
  const { filters } = useFilters();

  const run = () => {
    setFromLink(false);
    const next = withQuery(history, text);
    setHistory(next);
    saveHistory(next);
    replaceSearchParams((params) => params.set('sql', text));
    query.run(text);
  };
  const position =
    query.error && query.ranSql !== undefined
      ? errorPosition(query.error.message, query.ranSql)
      : null;
  const showPosition = () => {
    if (!position || !editor.current) return;
    editor.current.focus();
    editor.current.setSelectionRange(position.offset, position.offset + 1);
  };

  return (
    <section aria-label="SQL console" className="flex min-w-0 flex-col gap-2">
      <p className="text-xs text-slate-600">
        Read-only DuckDB SQL over <code>conversations</code> (one row per conversation, every
        conversation of the dataset, whatever the filters) and <code>messages</code> once loaded.
        Each query runs in a transaction that is rolled back; results keep the first{' '}
        {formatCount(CONSOLE_ROW_CAP)} rows.
      </p>
      <MessagesLoader datasetId={datasetId} />
      <SchemaList datasetId={datasetId} />
      {fromLink && (
        <Notice tone="warning">
          This query came from a link. It runs only when you click Run.
        </Notice>
      )}
      <label className="flex flex-col gap-1 text-sm font-medium">
        SQL query
        <textarea
          ref={editor}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              run();
            }
          }}
          rows={6}
          spellCheck={false}
          aria-describedby="sql-console-hint"
          className="rounded border border-slate-300 bg-white p-2 font-mono text-xs font-normal"
        />
      </label>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <button
          type="button"
          onClick={run}
          disabled={query.running}
          className="rounded bg-slate-800 px-3 py-1 text-white hover:bg-slate-700 disabled:opacity-50"
        >
          Run
        </button>
        <button
          type="button"
          onClick={query.cancel}
          disabled={!query.running}
          className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100 disabled:opacity-50"
        >
          Cancel query
        </button>
        {query.result && query.ranSql !== undefined && returnsIds(query.result) && (
          <button
            type="button"
            onClick={() => void idFilter.apply(query.ranSql!, filters)}
            disabled={query.running || idFilter.running !== null}
            aria-describedby="sql-use-as-filter-hint"
            className="rounded border border-sky-300 bg-sky-50 px-3 py-1 text-sky-900 hover:bg-sky-100 disabled:opacity-50"
          >
            Use as filter
          </button>
        )}
        <span id="sql-console-hint" className="text-xs text-slate-500">
          Ctrl+Enter runs the query.
        </span>
        <span aria-live="polite" className="text-xs text-slate-700">
          {query.running
            ? 'Running…'
            : query.result &&
              `${formatCount(query.result.rows.length)} ${query.result.rows.length === 1 ? 'row' : 'rows'}${
                query.result.truncated
                  ? ` shown (the first ${formatCount(CONSOLE_ROW_CAP)}; the query returned more)`
                  : ''
              } in ${Math.round(query.result.ms)} ms`}
        </span>
      </div>
      {query.result && query.ranSql !== undefined && returnsIds(query.result) && (
        <p id="sql-use-as-filter-hint" className="text-xs text-slate-600">
          {idFilter.running === query.ranSql
            ? 'Collecting every conversation_id the query returns…'
            : 'Use as filter narrows the list, counts and charts to every conversation_id this query returns (all rows, not only those shown).'}
        </p>
      )}
      {idFilter.failed && idFilter.failed.query === query.ranSql && (
        <Notice tone="error">{idFilter.failed.message}</Notice>
      )}
      {query.error && (
        <Notice tone="error" as="div">
          <pre className="font-mono text-xs whitespace-pre-wrap">{query.error.message}</pre>
          {position && (
            <button type="button" onClick={showPosition} className="mt-1 text-xs underline">
              Show line {position.line}, column {position.column} in the query
            </button>
          )}
        </Notice>
      )}
      {history.length > 0 && (
        <details className="text-xs">
          <summary className="cursor-pointer text-slate-700">History ({history.length})</summary>
          <ul aria-label="Query history" className="mt-1 flex flex-col gap-1">
            {history.map((sql) => (
              <li key={sql}>
                <button
                  type="button"
                  onClick={() => setText(sql)}
                  aria-label={`Load query: ${sql.slice(0, 80)}`}
                  className="w-full truncate rounded border border-slate-200 bg-white px-2 py-1 text-left font-mono hover:bg-slate-100"
                >
                  {sql}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {query.result && query.result.columns.length > 0 && <ResultsTable result={query.result} />}
    </section>
  );
}

/** A result "Use as filter" can take: it has a text `conversation_id` column. */
function returnsIds(result: ConsoleResult): boolean {
  return result.columns.some((c) => c.name === ID_COLUMN && c.type === 'Utf8');
}
