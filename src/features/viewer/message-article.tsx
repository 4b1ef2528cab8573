import { memo } from 'react';
import type { MessageRecord } from '../../db';
import { flaggedCategories, isFlagged, roleLabel } from './message-moderation';
import { MessageMarkdown } from './markdown/message-markdown';
import { ScoreBars } from './score-bars';

interface MessageArticleProps {
  message: MessageRecord;
  /** 0-based; shown and announced 1-based. */
  index: number;
  highlight?: RegExp | null;
}

/**
 * One message: `article` named `User, message 3`, its text, and its moderation result (the flag with
 * its categories, and the 11 scores). Flagged messages stand out in the transcript.
 */
export const MessageArticle = memo(function MessageArticle(props: MessageArticleProps) {
  const { message, index, highlight } = props;
  const label = `${roleLabel(message.role)}, message ${index + 1}`;
  const flagged = isFlagged(message);
  const isUser = message.role === 'user';
  const look = flagged
    ? 'border-red-300 bg-red-50/60 ring-1 ring-red-200'
    : isUser
      ? 'border-slate-200 bg-slate-50'
      : 'border-slate-200 bg-white';
  return (
    <article
      aria-label={label}
      tabIndex={-1}
      data-message={index}
      className={`scroll-mt-2 rounded border px-3 py-2 outline-sky-600 focus-visible:outline-2 ${look}`}
    >
      <header className="mb-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
        <span className="font-semibold text-slate-800">{roleLabel(message.role)}</span>
        <span>message {index + 1}</span>
        <ModerationFlag message={message} flagged={flagged} />
      </header>
      <Content message={message} highlight={highlight} />
      {message.moderation && (
        <div className="mt-2 border-t border-slate-200/70 pt-1">
          <ScoreBars moderation={message.moderation} />
        </div>
      )}
    </article>
  );
});

function ModerationFlag({ message, flagged }: { message: MessageRecord; flagged: boolean }) {
  if (!message.moderation) return <span className="text-slate-500 italic">no moderation data</span>;
  if (!flagged) return null;
  const categories = flaggedCategories(message);
  return (
    <span className="flex flex-wrap items-center gap-1">
      <span className="rounded bg-red-700 px-1 font-medium text-white">Flagged</span>
      {categories.map((name) => (
        <span key={name} className="rounded border border-red-200 bg-white px-1 text-red-800">
          {name}
        </span>
      ))}
    </span>
  );
}

function Content({ message, highlight }: { message: MessageRecord; highlight?: RegExp | null }) {
  const text = message.content;
  if (text === null) return <p className="text-slate-500 italic">(no text)</p>;
  if (text.trim() === '') {
    return (
      <p className="text-slate-500 italic">
        {message.role === 'assistant' ? '(empty response)' : '(empty message)'}
      </p>
    );
  }
  // A message with a search match opens in full, so every match can be seen and stepped to.
  const hasMatch = highlight
    ? new RegExp(highlight.source, highlight.flags.replace('g', '')).test(text)
    : false;
  return <MessageMarkdown text={text} highlight={highlight} defaultExpanded={hasMatch} />;
}
