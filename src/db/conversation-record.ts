import type { Table } from 'apache-arrow';
import { CATEGORIES } from '../sql/moderation';
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
