import type { ConversationSummary } from '../../sql/conversation-summary';

/** Which conversation this is, and the way back to the list alone. */
export function ViewerHeader(props: {
  conversationId: string;
  summary: ConversationSummary | null;
  onClose: () => void;
}) {
  const { conversationId, summary, onClose } = props;
  return (
    <header className="flex items-start justify-between gap-2">
      <div className="min-w-0">
        <h2 className="truncate font-mono text-sm font-semibold" title={conversationId}>
          {conversationId}
        </h2>
        {summary && (
          <p className="text-xs text-slate-600">
            {[
              summary.model,
              summary.language,
              `${summary.turn ?? '?'} ${summary.turn === 1 ? 'turn' : 'turns'}`,
              `${summary.n_messages} messages`,
              summary.redacted === true ? 'redacted' : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        )}
      </div>
      <button
        type="button"
        onClick={onClose}
        className="shrink-0 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100"
      >
        Close conversation
      </button>
    </header>
  );
}
