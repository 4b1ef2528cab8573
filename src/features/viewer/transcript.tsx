import { useQuery } from '@tanstack/react-query';
import { useEngine } from '../../db';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { SearchScope } from '../../model/search-spec';
import type { ConversationSummary } from '../../sql/conversation-summary';
import { conversationJson } from './conversation-json';
import { CopyButton } from './copy-button';
import { FlagMinimap } from './flag-minimap';
import { MatchNavigator } from './match-navigator';
import { MessageArticle } from './message-article';
import { flaggedIndexes, stepFlagged } from './message-moderation';
import { ModerationSummary } from './moderation-summary';
import { useMessageParam } from './use-message-param';
import { focusList, useViewerKeys } from './use-viewer-keys';
import { conversationMessagesOptions, groupReadOptions, groupReadText } from './viewer-queries';
import { Notice } from '../../components/notice';

/**
 * The messages of one conversation with their moderation, the flagged-message navigation (buttons,
 * n / p, the mini-map) and the copy buttons. The message in view lives in the URL (`m`).
 */
export function Transcript(props: {
  datasetId: number;
  summary: ConversationSummary;
  region: RefObject<HTMLElement | null>;
  /** Text-search matches to mark and step through, in the messages of the search's scope. */
  highlight?: { pattern: RegExp; scope: SearchScope } | null;
}) {
  const engine = useEngine();
  const { datasetId, summary, region, highlight } = props;
  const [openedAt] = useState(() => performance.now());
  const messages = useQuery(conversationMessagesOptions(engine, datasetId, summary));
  const groupRead = useQuery(groupReadOptions(datasetId, summary)).data;
  const { messageIndex, setMessage } = useMessageParam();
  const [notice, setNotice] = useState('');
  const scroller = useRef<HTMLDivElement>(null);
  const flagged = useMemo(() => flaggedIndexes(messages.data ?? []), [messages.data]);

  const show = (index: number, focus: boolean) => {
    const box = scroller.current;
    const article = box?.querySelector<HTMLElement>(`[data-message="${index}"]`);
    if (!box || !article) return;
    // Scroll the transcript only: scrollIntoView would scroll the page around it as well.
    box.scrollTo({ top: article.offsetTop - 8 });
    if (focus) article.focus({ preventScroll: true });
  };
  const jump = (index: number) => {
    setMessage(index);
    setNotice('');
    show(index, true);
  };
  const step = (direction: 1 | -1) => {
    const target = stepFlagged(flagged, messageIndex, direction);
    if (target === null) {
      setNotice(
        flagged.length === 0
          ? 'No message in this conversation was flagged'
          : `No ${direction === 1 ? 'later' : 'earlier'} flagged message`,
      );
    } else jump(target);
  };
  useViewerKeys({
    region,
    onNext: () => step(1),
    onPrevious: () => step(-1),
    onEscape: focusList,
  });

  // Once the text is in: measure the open (the bench reads it) and honour a deep link's `m`.
  const loaded = messages.data !== undefined;
  useEffect(() => {
    if (!loaded) return;
    performance.measure('convoscope:open-conversation', {
      start: openedAt,
      end: performance.now(),
      detail: { row: summary.row },
    });
    if (messageIndex !== null) show(messageIndex, false);
    // Only when the conversation arrives; later `m` changes scroll where they are made.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  return (
    <>
      <div
        className="flex flex-wrap items-center gap-2"
        role="toolbar"
        aria-label="Conversation tools"
      >
        <button
          type="button"
          aria-keyshortcuts="p"
          disabled={flagged.length === 0}
          onClick={() => step(-1)}
          className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50"
        >
          Previous flagged message
        </button>
        <button
          type="button"
          aria-keyshortcuts="n"
          disabled={flagged.length === 0}
          onClick={() => step(1)}
          className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50"
        >
          Next flagged message
        </button>
        <CopyButton label="Copy id" text={() => summary.conversation_id} />
        <CopyButton
          label="Copy as JSON"
          text={() => (messages.data ? conversationJson(summary, messages.data) : null)}
        />
        <span aria-live="polite" className="text-xs text-slate-600">
          {notice}
        </span>
        {highlight && messages.data && (
          <MatchNavigator
            container={scroller}
            marksKey={`${summary.row}:${highlight.pattern.source}:${highlight.scope}`}
          />
        )}
      </div>
      {messages.error && (
        <Notice tone="error" compact>
          Could not read the messages of this conversation: {messages.error.message}
        </Notice>
      )}
      {messages.isPending && (
        <p role="status" className="text-sm text-slate-500">
          {groupRead ? groupReadText(groupRead) : 'Reading the conversation…'}
        </p>
      )}
      {messages.data && (
        <div className="flex min-h-0 flex-1 gap-2">
          <div
            ref={scroller}
            className="relative flex min-w-0 flex-1 flex-col gap-2 overflow-y-auto pr-1"
          >
            <ModerationSummary messages={messages.data} />
            {messages.data.length === 0 && (
              <p className="text-sm text-slate-500 italic">This conversation has no messages.</p>
            )}
            {messages.data.map((message, i) => (
              <MessageArticle
                key={i}
                message={message}
                index={i}
                highlight={
                  highlight && (highlight.scope === 'all' || highlight.scope === message.role)
                    ? highlight.pattern
                    : null
                }
              />
            ))}
          </div>
          {flagged.length > 0 && (
            <FlagMinimap messages={messages.data} current={messageIndex} onJump={jump} />
          )}
        </div>
      )}
    </>
  );
}
