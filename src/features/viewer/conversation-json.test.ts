import { expect, it } from 'vitest';
import type { MessageRecord } from '../../db';
import type { ConversationSummary } from '../../sql/conversation-summary';
import { CATEGORIES } from '../../model/moderation';
import { conversationJson } from './conversation-json';

const summary = {
  conversation_id: 'abc"123',
  model: 'vicuna-13b',
  turn: 1,
  language: 'English',
  redacted: false,
} as ConversationSummary;

it('copies a conversation in the dataset row shape, slashed category names included', () => {
  const messages: MessageRecord[] = [
    {
      role: 'user',
      content: 'Say "hi" </script>',
      moderation: {
        flagged: true,
        categories: Object.fromEntries(
          CATEGORIES.map((c) => [c.name, c.name === 'hate/threatening']),
        ),
        scores: Object.fromEntries(CATEGORIES.map((c) => [c.name, 0.25])),
      },
    },
    { role: 'assistant', content: '', moderation: null },
  ];
  const row = JSON.parse(conversationJson(summary, messages));
  expect(row).toEqual({
    conversation_id: 'abc"123',
    model: 'vicuna-13b',
    conversation: [
      { content: 'Say "hi" </script>', role: 'user' },
      { content: '', role: 'assistant' },
    ],
    turn: 1,
    language: 'English',
    openai_moderation: [
      {
        categories: expect.objectContaining({ 'hate/threatening': true, hate: false }),
        category_scores: expect.objectContaining({ 'self-harm/intent': 0.25 }),
        flagged: true,
      },
      null,
    ],
    redacted: false,
  });
  expect(Object.keys(row.openai_moderation[0].categories)).toHaveLength(11);
});

it('leaves out `redacted` when the shards have no such column', () => {
  const row = JSON.parse(conversationJson({ ...summary, redacted: null }, []));
  expect('redacted' in row).toBe(false);
  expect(row.conversation).toEqual([]);
});
