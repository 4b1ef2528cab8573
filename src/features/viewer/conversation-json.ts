import type { MessageRecord } from '../../db';
import type { ConversationSummary } from '../../sql/conversation-summary';
import { CATEGORIES } from '../../model/moderation';

/**
 * One conversation in the dataset's own row shape (`conversation`, `openai_moderation` with the
 * slashed category names), so a copied conversation reads like the row it came from.
 */
export function conversationJson(
  summary: ConversationSummary,
  messages: readonly MessageRecord[],
): string {
  const row = {
    conversation_id: summary.conversation_id,
    model: summary.model,
    conversation: messages.map((m) => ({ content: m.content, role: m.role })),
    turn: summary.turn,
    language: summary.language,
    openai_moderation: messages.map((m) =>
      m.moderation
        ? {
            categories: Object.fromEntries(
              CATEGORIES.map((c) => [c.name, m.moderation!.categories[c.name] ?? null]),
            ),
            category_scores: Object.fromEntries(
              CATEGORIES.map((c) => [c.name, m.moderation!.scores[c.name] ?? null]),
            ),
            flagged: m.moderation.flagged,
          }
        : null,
    ),
    ...(summary.redacted === null ? {} : { redacted: summary.redacted }),
  };
  return JSON.stringify(row, null, 2);
}
