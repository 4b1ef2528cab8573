import { CONVERSATIONS } from './conversations-table';
import type { SqlQuery } from './query';

/** Shorter prefixes are too likely to match many ids; the list shows 8-character short ids. */
export const MIN_PREFIX_LENGTH = 6;
/** Two prefix matches are enough to know a prefix is ambiguous. */
const PREFIX_MATCHES = 2;

/**
 * Finds a conversation by its id: the exact id, or (from `MIN_PREFIX_LENGTH` characters on) every
 * id starting with the text, at most two. Row shape: `{ conversation_id: VARCHAR, exact: BOOLEAN }`,
 * the exact match first. The text is only ever a parameter, and `starts_with` (not `LIKE`) keeps
 * `%`, `_` and backslashes literal.
 */
export function buildConversationLookupQuery({ text }: { text: string }): SqlQuery {
  const exact = `SELECT conversation_id, TRUE AS exact FROM ${CONVERSATIONS} WHERE conversation_id = ?`;
  if (text.length < MIN_PREFIX_LENGTH) return { sql: `${exact} LIMIT 1`, params: [text] };
  return {
    sql: `(${exact} LIMIT 1)
UNION ALL
(SELECT conversation_id, FALSE AS exact FROM ${CONVERSATIONS}
 WHERE starts_with(conversation_id, ?) AND conversation_id <> ?
 ORDER BY conversation_id LIMIT ${PREFIX_MATCHES})`,
    params: [text, text, text],
  };
}

export type ConversationLookup =
  { kind: 'found'; id: string } | { kind: 'not-found' } | { kind: 'ambiguous'; examples: string[] };

/** What the rows of `buildConversationLookupQuery` mean: an exact id wins over prefix matches. */
export function resolveConversationLookup(
  rows: readonly Readonly<Record<string, unknown>>[],
): ConversationLookup {
  const ids = rows.filter((r) => typeof r.conversation_id === 'string');
  const exact = ids.find((r) => r.exact === true);
  if (exact) return { kind: 'found', id: exact.conversation_id as string };
  if (ids.length === 0) return { kind: 'not-found' };
  if (ids.length === 1) return { kind: 'found', id: ids[0]!.conversation_id as string };
  return { kind: 'ambiguous', examples: ids.map((r) => r.conversation_id as string) };
}
