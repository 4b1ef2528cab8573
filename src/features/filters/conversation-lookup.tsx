import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useEngine } from '../../db';
import {
  buildConversationLookupQuery,
  MIN_PREFIX_LENGTH,
  resolveConversationLookup,
  type ConversationLookup as LookupResult,
} from '../../sql/conversation-lookup';
import { useSelectedConversation } from '../../lib/use-selected-conversation';

/**
 * Opens a conversation by its id, or by a unique prefix of it (the list shows 8-character short
 * ids), resolved through `conversations`: never by scanning the shards.
 */
export function ConversationLookup() {
  const engine = useEngine();
  const { select } = useSelectedConversation();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const inputId = useId();
  const messageId = useId();
  const lookup = useMutation({
    mutationFn: async (id: string) =>
      resolveConversationLookup(await engine.query(buildConversationLookupQuery({ text: id }))),
    onSuccess: (result, typed) => {
      if (result.kind === 'found') select(result.id);
      setMessage(lookupMessage(result, typed));
    },
    onError: (error) => setMessage(`Could not look the id up: ${error.message}`),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = text.trim();
    if (id === '') setMessage('Enter a conversation id.');
    else lookup.mutate(id);
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-1">
      <label
        htmlFor={inputId}
        className="text-xs font-semibold tracking-wide text-slate-500 uppercase"
      >
        Conversation id
      </label>
      <div className="flex gap-1">
        <input
          id={inputId}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={text}
          aria-invalid={message !== null}
          aria-describedby={message === null ? undefined : messageId}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setMessage(null);
          }}
          className="min-w-0 flex-1 rounded border border-slate-300 px-1.5 py-0.5 font-mono text-sm"
        />
        <button
          type="submit"
          disabled={lookup.isPending}
          className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100 disabled:opacity-50"
        >
          Go
        </button>
      </div>
      {message !== null && (
        <p id={messageId} aria-live="polite" className="text-xs break-words text-red-700">
          {message}
        </p>
      )}
    </form>
  );
}

/** The inline message for a lookup, or null when it opened a conversation. */
function lookupMessage(result: LookupResult, typed: string): string | null {
  const shown = typed.length > 40 ? `${typed.slice(0, 40)}…` : typed;
  switch (result.kind) {
    case 'found':
      return null;
    case 'not-found':
      return typed.length < MIN_PREFIX_LENGTH
        ? `No conversation has the id “${shown}” (a prefix needs at least ${MIN_PREFIX_LENGTH} characters).`
        : `No conversation id is or starts with “${shown}”.`;
    case 'ambiguous':
      return `More than one conversation id starts with “${shown}”: type more of it.`;
  }
}
