import type { MessageRecord } from '../../db';
import { CATEGORIES, type CategoryName } from '../../model/moderation';

/** How a message's role is announced: `User, message 3`. Unknown roles are shown as they are. */
export function roleLabel(role: string | null): string {
  if (role === 'user') return 'User';
  if (role === 'assistant') return 'Assistant';
  if (!role) return 'Unknown role';
  return role.charAt(0).toUpperCase() + role.slice(1);
}

/** The categories the moderation model flagged this message for, in the dataset's order. */
export function flaggedCategories(message: MessageRecord): CategoryName[] {
  const categories = message.moderation?.categories;
  if (!categories) return [];
  return CATEGORIES.filter((c) => categories[c.name] === true).map((c) => c.name);
}

/** A message counts as flagged when its entry says so, or when any category is flagged. */
export function isFlagged(message: MessageRecord): boolean {
  return message.moderation?.flagged === true || flaggedCategories(message).length > 0;
}

/** 0-based indexes of the flagged messages, in order: what n/p and the mini-map step through. */
export function flaggedIndexes(messages: readonly MessageRecord[]): number[] {
  return messages.flatMap((m, i) => (isFlagged(m) ? [i] : []));
}

/** The next flagged message after `from` (or before it, going back); null when there is none. */
export function stepFlagged(
  flagged: readonly number[],
  from: number | null,
  direction: 1 | -1,
): number | null {
  if (flagged.length === 0) return null;
  if (from === null) return direction === 1 ? flagged[0]! : flagged[flagged.length - 1]!;
  if (direction === 1) return flagged.find((i) => i > from) ?? null;
  return [...flagged].reverse().find((i) => i < from) ?? null;
}

export interface CategorySummary {
  name: CategoryName;
  /** Highest score over user messages / assistant messages; null without any score. */
  userMax: number | null;
  assistantMax: number | null;
  /** Whether a user message (an attempt) / an assistant message (a response) was flagged for it. */
  userFlagged: boolean;
  assistantFlagged: boolean;
}

/**
 * Per category, the highest score and the flag on each side of the conversation: a flag on a user
 * message is an attempt, on an assistant message a response (the LMSYS-Chat-1M paper's terms).
 * Messages of other roles count on neither side.
 */
export function summarizeByRole(messages: readonly MessageRecord[]): CategorySummary[] {
  return CATEGORIES.map(({ name }) => {
    const summary: CategorySummary = {
      name,
      userMax: null,
      assistantMax: null,
      userFlagged: false,
      assistantFlagged: false,
    };
    for (const m of messages) {
      const side = m.role === 'user' ? 'user' : m.role === 'assistant' ? 'assistant' : null;
      const score = m.moderation?.scores[name];
      if (!side) continue;
      const maxKey = side === 'user' ? 'userMax' : 'assistantMax';
      if (typeof score === 'number' && (summary[maxKey] === null || score > summary[maxKey]!)) {
        summary[maxKey] = score;
      }
      if (m.moderation?.categories[name] === true) {
        summary[side === 'user' ? 'userFlagged' : 'assistantFlagged'] = true;
      }
    }
    return summary;
  });
}

/**
 * Scores span 1e-7 to 1: small ones in exponent form so they never read as 0.000. A missing score
 * is a dash; one that is not a probability (NaN, infinite, below 0, above 1) is shown as stored and
 * marked `(invalid)`, so bad moderation data is visible rather than passed off as a real score.
 */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return '–';
  if (!(score >= 0 && score <= 1)) return `${score} (invalid)`;
  if (score === 0) return '0';
  if (score < 0.001) return score.toExponential(1);
  return score.toFixed(3);
}
