import { useQuery } from '@tanstack/react-query';
import { useEngine } from '../../db';
import { useMemo, useRef } from 'react';
import { searchPattern } from '../../model/search-pattern';
import { useViewportFill } from '../../lib/use-viewport-fill';
import { useFilters } from '../filters';
import { useSelectedConversation } from '../../lib/use-selected-conversation';
import { conversationSummaryOptions } from './viewer-queries';
import { SharedIdNote } from './shared-id-note';
import { ViewerHeader } from './viewer-header';
import { Transcript } from './transcript';
import { Notice } from '../../components/notice';

/**
 * The selected conversation (`c` in the URL, and `cn` for an id several rows share), read through
 * its locator; nothing when none is.
 */
export function ConversationViewer({ datasetId }: { datasetId: number }) {
  const engine = useEngine();
  const { selectedId, occurrence, select } = useSelectedConversation();
  const region = useRef<HTMLElement>(null);
  const { filters } = useFilters();
  const search = filters.search;
  // The search's own matcher, made global for marking every match.
  const highlight = useMemo(() => {
    if (!search) return null;
    const built = searchPattern(search);
    if ('error' in built) return null;
    return {
      pattern: new RegExp(built.pattern.source, `${built.pattern.flags}g`),
      scope: search.scope,
    };
  }, [search]);
  const summary = useQuery({
    ...conversationSummaryOptions(engine, datasetId, selectedId ?? '', occurrence ?? 1),
    enabled: selectedId !== null,
  });
  const fill = useViewportFill(region, selectedId !== null);
  if (selectedId === null) return null;
  return (
    <section
      ref={region}
      aria-label="Conversation"
      aria-busy={summary.isPending}
      style={fill}
      className="flex min-w-0 flex-col gap-2 rounded border border-slate-200 p-3"
    >
      <ViewerHeader
        conversationId={selectedId}
        summary={summary.data ?? null}
        onClose={() => select(null)}
      />
      {summary.data && (
        <SharedIdNote
          occurrence={summary.data.occurrence}
          rows={summary.data.id_rows}
          chosen={occurrence !== null}
        />
      )}
      {summary.error && (
        <Notice tone="error" compact>
          Could not look up conversation {selectedId}: {summary.error.message}
        </Notice>
      )}
      {summary.data === null && (
        <Notice tone="warning" role="alert" compact>
          {`No conversation with id ${selectedId}${occurrence !== null && occurrence > 1 ? ` (number ${occurrence} of that id)` : ''} in this dataset.`}
        </Notice>
      )}
      {summary.data && (
        <Transcript
          // A new conversation starts at its top with its own message state.
          key={`${datasetId}:${summary.data.row}`}
          datasetId={datasetId}
          summary={summary.data}
          region={region}
          highlight={highlight}
        />
      )}
    </section>
  );
}
