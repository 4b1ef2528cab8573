import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useEngine, type MessagesProgress } from '../../db';
import { formatCount } from '../../lib/format';
import { buildSelectionLocatorsQuery, type SelectionLocatorRow } from '../../sql/messages-table';
import { useFilters } from '../filters';

/**
 * Conversations whose messages one load reads at most: about 4 messages each, so roughly 80,000
 * message rows and their text, which a tab holds comfortably beside `conversations`.
 */
export const MESSAGES_CONVERSATION_CAP = 20_000;

interface Loaded extends MessagesProgress {
  capped: boolean;
  filtersKey: string;
}

/**
 * Loads the `messages` table for the current selection on request: the text is read from the
 * shards (it is not in `conversations`), so it is loaded only when asked, with progress and Cancel.
 */
export function MessagesLoader({ datasetId }: { datasetId: number }) {
  const engine = useEngine();
  const { filters } = useFilters();
  const filtersKey = JSON.stringify(filters);
  const [progress, setProgress] = useState<MessagesProgress | null>(null);
  const controller = useRef<AbortController | null>(null);
  const client = useQueryClient();
  const load = useMutation<Loaded, Error>({
    // The table list shows `messages` once it exists.
    onSuccess: () => client.invalidateQueries({ queryKey: ['console-schema'] }),
    mutationFn: async () => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setProgress(null);
      const rows = await engine.query<SelectionLocatorRow>(
        buildSelectionLocatorsQuery(filters, MESSAGES_CONVERSATION_CAP + 1),
      );
      const capped = rows.length > MESSAGES_CONVERSATION_CAP;
      const done = await engine.loadMessages(rows.slice(0, MESSAGES_CONVERSATION_CAP), {
        signal: abort.signal,
        onProgress: setProgress,
      });
      return { ...done, capped, filtersKey };
    },
  });
  const { reset } = load;
  useEffect(() => reset(), [datasetId, reset]);
  useEffect(() => () => controller.current?.abort(), []);
  const cancel = () => controller.current?.abort();
  const loaded = load.data;

  return (
    <div className="flex flex-col gap-1 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-xs">
      <p className="text-slate-700">
        <code>messages</code> has one row per message (<code>row</code>,{' '}
        <code>conversation_id</code>, <code>message_index</code>, <code>role</code>,{' '}
        <code>content</code>, <code>flagged</code>, the 11 category flags and <code>score_*</code>{' '}
        columns). It is read from the shards for the first {formatCount(MESSAGES_CONVERSATION_CAP)}{' '}
        conversations of the current selection.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={() => load.mutate()}
          disabled={load.isPending}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-50"
        >
          Load messages of the selection
        </button>
        {load.isPending && (
          <>
            <progress
              aria-label="Loading messages"
              max={progress?.conversationsTotal || 1}
              value={progress?.conversationsDone ?? 0}
              className="h-2 w-40"
            />
            <button
              type="button"
              onClick={cancel}
              className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
            >
              Cancel loading messages
            </button>
          </>
        )}
        <span aria-live="polite" className="text-slate-700">
          {load.isPending && progress
            ? `${formatCount(progress.conversationsDone)} of ${formatCount(progress.conversationsTotal)} conversations read`
            : loaded &&
              `messages holds ${formatCount(loaded.messages)} messages of ${formatCount(loaded.conversationsTotal)} conversations` +
                (loaded.capped
                  ? ` (the first ${formatCount(MESSAGES_CONVERSATION_CAP)} of the selection)`
                  : '') +
                (loaded.filtersKey !== filtersKey
                  ? '; the selection has changed since, load again to follow it'
                  : '')}
        </span>
      </div>
      {load.error && (
        <p role="alert" className="text-red-800">
          {load.error.name === 'AbortError'
            ? 'Loading messages was cancelled; the table keeps what it held before.'
            : `Messages could not be loaded: ${load.error.message}`}
        </p>
      )}
    </div>
  );
}
