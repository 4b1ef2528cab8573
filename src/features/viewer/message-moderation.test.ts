import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../db';
import { CATEGORIES } from '../../model/moderation';
import {
  flaggedCategories,
  flaggedIndexes,
  formatScore,
  isFlagged,
  roleLabel,
  stepFlagged,
  summarizeByRole,
} from './message-moderation';

function message(
  role: string | null,
  flags: Record<string, number> = {},
  options: { flagged?: boolean | null; missing?: boolean } = {},
): MessageRecord {
  if (options.missing) return { role, content: 'text', moderation: null };
  return {
    role,
    content: 'text',
    moderation: {
      flagged: options.flagged ?? Object.values(flags).some((s) => s >= 0.5),
      categories: Object.fromEntries(CATEGORIES.map((c) => [c.name, (flags[c.name] ?? 0) >= 0.5])),
      scores: Object.fromEntries(CATEGORIES.map((c) => [c.name, flags[c.name] ?? 1e-6])),
    },
  };
}

describe('message moderation', () => {
  const messages = [
    message('user', { sexual: 0.9, 'self-harm/intent': 0.7 }),
    message('assistant', { sexual: 0.3 }),
    message('user', {}, { missing: true }),
    message('assistant', { 'violence/graphic': 0.95, sexual: 0.6 }),
    message('system', { hate: 0.99 }),
  ];

  it('names roles for the message articles', () => {
    expect(['user', 'assistant', null, 'system'].map(roleLabel)).toEqual([
      'User',
      'Assistant',
      'Unknown role',
      'System',
    ]);
  });

  it('lists flagged categories in dataset order, and none without moderation data', () => {
    expect(flaggedCategories(messages[0]!)).toEqual(['self-harm/intent', 'sexual']);
    expect(flaggedCategories(messages[2]!)).toEqual([]);
    expect(isFlagged(messages[1]!)).toBe(false);
    expect(isFlagged(messages[2]!)).toBe(false);
    // A flag without any category (seen in the real data) still counts.
    expect(isFlagged(message('user', {}, { flagged: true }))).toBe(true);
  });

  it('steps through flagged messages forwards and backwards', () => {
    const flagged = flaggedIndexes(messages);
    expect(flagged).toEqual([0, 3, 4]);
    expect(stepFlagged(flagged, null, 1)).toBe(0);
    expect(stepFlagged(flagged, null, -1)).toBe(4);
    expect(stepFlagged(flagged, 0, 1)).toBe(3);
    expect(stepFlagged(flagged, 1, 1)).toBe(3);
    expect(stepFlagged(flagged, 4, 1)).toBeNull();
    expect(stepFlagged(flagged, 3, -1)).toBe(0);
    expect(stepFlagged(flagged, 0, -1)).toBeNull();
    expect(stepFlagged([], null, 1)).toBeNull();
  });

  it('summarizes each category by side: attempts (user) and responses (assistant)', () => {
    const summary = Object.fromEntries(summarizeByRole(messages).map((s) => [s.name, s]));
    expect(summary.sexual).toEqual({
      name: 'sexual',
      userMax: 0.9,
      assistantMax: 0.6,
      userFlagged: true,
      assistantFlagged: true,
    });
    expect(summary['violence/graphic']).toMatchObject({
      userFlagged: false,
      assistantFlagged: true,
      assistantMax: 0.95,
    });
    // The system message counts on neither side.
    expect(summary.hate).toMatchObject({ userFlagged: false, assistantFlagged: false });
    expect(summary.hate!.userMax).toBeLessThan(0.01);
  });

  it('formats scores so small ones never read as zero', () => {
    expect(formatScore(0.91234)).toBe('0.912');
    expect(formatScore(0.0000123)).toBe('1.2e-5');
    expect(formatScore(0)).toBe('0');
    expect(formatScore(null)).toBe('–');
    expect(formatScore(1)).toBe('1.000');
    expect(formatScore(1.5)).toBe('1.5 (invalid)');
    expect(formatScore(-0.25)).toBe('-0.25 (invalid)');
    expect(formatScore(Number.NaN)).toBe('NaN (invalid)');
    expect(formatScore(Number.POSITIVE_INFINITY)).toBe('Infinity (invalid)');
  });
});
