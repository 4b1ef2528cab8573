import { describe, expect, it } from 'vitest';
import {
  Bool,
  Field,
  Float64,
  Int64,
  List,
  Struct,
  Table,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { jsonLine } from './export-jsonl';

const message = new Struct([new Field('content', new Utf8()), new Field('role', new Utf8())]);
const moderation = new Struct([
  new Field('categories', new Struct([new Field('self-harm/intent', new Bool())])),
  new Field('category_scores', new Struct([new Field('self-harm/intent', new Float64())])),
  new Field('flagged', new Bool()),
]);

function sampleTable() {
  return new Table({
    conversation_id: vectorFromArray(['a1', 'b2']),
    turn: vectorFromArray([1n, 2n ** 60n], new Int64()),
    conversation: vectorFromArray(
      [
        [{ content: 'Hi "there"\n', role: 'user' }],
        [
          { content: 'x', role: 'user' },
          { content: null, role: 'assistant' },
        ],
      ],
      new List(new Field('element', message)),
    ),
    openai_moderation: vectorFromArray(
      [
        [
          {
            categories: { 'self-harm/intent': true },
            category_scores: { 'self-harm/intent': 0.5 },
            flagged: true,
          },
        ],
        null,
      ],
      new List(new Field('element', moderation)),
    ),
    redacted: vectorFromArray([false, null], new Bool()),
  });
}

describe('jsonLine', () => {
  it('writes a row in the dataset shape: nested lists of structs, slashed keys, exact int64', () => {
    const table = sampleTable();
    const lines = [0, 1].map((i) => jsonLine(table.get(i)));
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    expect(JSON.parse(lines[0]!)).toEqual({
      conversation_id: 'a1',
      turn: 1,
      conversation: [{ content: 'Hi "there"\n', role: 'user' }],
      openai_moderation: [
        {
          categories: { 'self-harm/intent': true },
          category_scores: { 'self-harm/intent': 0.5 },
          flagged: true,
        },
      ],
      redacted: false,
    });
    const second = JSON.parse(lines[1]!);
    expect(second.turn).toBe((2n ** 60n).toString());
    expect(second.conversation[1]).toEqual({ content: null, role: 'assistant' });
    expect(second.openai_moderation).toBeNull();
    expect(second.redacted).toBeNull();
    expect(Object.keys(second)).toEqual([
      'conversation_id',
      'turn',
      'conversation',
      'openai_moderation',
      'redacted',
    ]);
  });
});
