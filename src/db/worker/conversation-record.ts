import type { Table } from 'apache-arrow';
import { CATEGORIES } from '../../model/moderation';
import type { MessageRecord } from './parquet-protocol';

interface RawMessage {
  role?: string | null;
  content?: string | null;
}
interface RawModeration {
  flagged?: boolean | null;
  categories?: Record<string, boolean | null> | null;
  category_scores?: Record<string, number | null> | null;
}

/**
 * One conversation as plain data, from a table holding that single row. Moderation entries are
 * matched to messages by position; a missing or extra entry is kept as `null` / dropped, never a crash.
 */
export function conversationFromTable(table: Table): MessageRecord[] {
  const row = table.get(0);
  if (!row) return [];
  const json = row.toJSON() as {
    conversation?: { toArray(): { toJSON(): RawMessage }[] } | null;
    openai_moderation?: { toArray(): ({ toJSON(): unknown } | null)[] } | null;
  };
  const messages = json.conversation?.toArray().map((m) => m.toJSON()) ?? [];
  const moderation = json.openai_moderation?.toArray() ?? [];
  return messages.map((m, i) => {
    const entry = moderation[i] ? (deepJson(moderation[i]) as RawModeration) : null;
    return {
      role: m.role ?? null,
      content: m.content ?? null,
      moderation: entry
        ? {
            flagged: entry.flagged ?? null,
            categories: Object.fromEntries(
              CATEGORIES.map((c) => [c.name, entry.categories?.[c.name] ?? null]),
            ),
            scores: Object.fromEntries(
              CATEGORIES.map((c) => [c.name, entry.category_scores?.[c.name] ?? null]),
            ),
          }
        : null,
    };
  });
}

function deepJson(value: unknown): unknown {
  const v = value as { toJSON?: () => unknown } | null;
  const plain = v && typeof v.toJSON === 'function' ? v.toJSON() : value;
  if (plain && typeof plain === 'object' && !Array.isArray(plain)) {
    return Object.fromEntries(Object.entries(plain).map(([k, x]) => [k, deepJson(x)]));
  }
  return plain;
}

/** Characters of a list preview: more than any row shows, so the tooltip has the gist too. */
export const PREVIEW_LENGTH = 300;

/**
 * The first user prompt of each row of `table` (which holds the `content` and `role` leaves of
 * consecutive rows), whitespace collapsed and cut to PREVIEW_LENGTH characters; null for a row
 * without a user message. `rows` are offsets into `table`.
 */
export function previewsFromTable(table: Table, rows: readonly number[]): (string | null)[] {
  return rows.map((i) => {
    const row = table.get(i)?.toJSON() as
      { conversation?: { toArray(): { toJSON(): RawMessage }[] } | null } | undefined;
    const messages = row?.conversation?.toArray() ?? [];
    for (const item of messages) {
      const message = item.toJSON();
      if (message.role !== 'user' || message.content == null) continue;
      const text = message.content.replace(/\s+/g, ' ').trim();
      // Cut by code points, so an emoji or other astral character is never split in half.
      const points = Array.from(text);
      return points.length > PREVIEW_LENGTH ? `${points.slice(0, PREVIEW_LENGTH).join('')}…` : text;
    }
    return null;
  });
}
