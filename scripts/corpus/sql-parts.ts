import { CATEGORIES } from '../../src/model/moderation';
import { quoteIdentifier, quoteString } from '../../src/sql/quote';

/**
 * SQL fragments the corpus cases are written in. Every case is a SELECT over the view `base`: a
 * valid generated shard with its row number as `n` (make-corpus.ts drops `n` when writing).
 */

/** A message literal of the `conversation` column's element type. */
export const message = (role: string, content: string) =>
  `{'content': ${quoteString(content)}, 'role': ${quoteString(role)}}`;

/** Alternating user / assistant messages with these texts. */
export const messages = (texts: string[]) =>
  `[${texts.map((t, i) => message(i % 2 === 0 ? 'user' : 'assistant', t)).join(', ')}]`;

/** One moderation entry: every category false with this score, unless overridden. */
export function moderationEntry(
  opts: {
    /** true / false, or a SQL boolean expression (inside a list_transform lambda). */
    flagged?: boolean | string;
    score?: number;
    scores?: Record<string, string>;
  } = {},
): string {
  const { flagged = false, score = 0.001, scores = {} } = opts;
  const field = (name: string, value: string) => `${quoteString(name)}: ${value}`;
  const categories = CATEGORIES.map((c) => field(c.name, 'false')).join(', ');
  const values = CATEGORIES.map((c) => field(c.name, scores[c.name] ?? `${score}::DOUBLE`)).join(
    ', ',
  );
  return `{'categories': {${categories}}, 'category_scores': {${values}}, 'flagged': ${flagged}}`;
}

export const moderationList = (count: number, entry = moderationEntry()) =>
  `[${Array.from({ length: count }, () => entry).join(', ')}]`;

/**
 * The base rows, with the first row's (n = 0) conversation, moderation and turn replaced: the first
 * row of the list is the case's conversation.
 */
export function firstConversation(conversation: string, moderation: string, turn: number): string {
  return `SELECT * REPLACE (
      CASE WHEN n = 0 THEN ${conversation} ELSE conversation END AS conversation,
      CASE WHEN n = 0 THEN ${moderation} ELSE openai_moderation END AS openai_moderation,
      CASE WHEN n = 0 THEN ${turn} ELSE turn END AS turn)
    FROM base`;
}

/** `openai_moderation` rebuilt entry by entry with `categories` keeping only these names. */
export function moderationWithCategories(keep: (name: string) => boolean): string {
  const m = (path: string, name: string) => `m.${path}.${quoteIdentifier(name)}`;
  const categories = CATEGORIES.filter((c) => keep(c.name))
    .map((c) => `${quoteString(c.name)}: ${m('categories', c.name)}`)
    .join(', ');
  return `list_transform(openai_moderation, m -> {'categories': {${categories}},
    'category_scores': m.category_scores, 'flagged': m.flagged})`;
}
