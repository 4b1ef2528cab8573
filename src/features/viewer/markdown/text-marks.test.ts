import { describe, expect, it } from 'vitest';
import { markText, newMarkBudget, toGlobalRegExp } from './text-marks';

const joined = (value: string, search: RegExp | null) =>
  (markText(value, { redact: true, search: toGlobalRegExp(search), budget: newMarkBudget() }) ?? [])
    .map((piece) =>
      piece.kind === 'redaction' ? piece.children.map((child) => child.text).join('') : piece.text,
    )
    .join('');

describe('markText', () => {
  it('is null when nothing matches', () => {
    expect(
      markText('plain text', { redact: true, search: /zzz/g, budget: newMarkBudget() }),
    ).toBeNull();
    expect(markText('NAME_1', { redact: false, search: null, budget: newMarkBudget() })).toBeNull();
  });

  it('splits a match straddling a redaction edge, and the pieces join back to the text', () => {
    const pieces = markText('hi NAME_12 there', {
      redact: true,
      search: /i NAME_1/g,
      budget: newMarkBudget(),
    });
    expect(pieces).toEqual([
      { kind: 'text', text: 'h' },
      { kind: 'match', text: 'i ' },
      {
        kind: 'redaction',
        children: [
          { kind: 'match', text: 'NAME_1' },
          { kind: 'text', text: '2' },
        ],
      },
      { kind: 'text', text: ' there' },
    ]);
    expect(joined('hi NAME_12 there', /i NAME_1/)).toBe('hi NAME_12 there');
  });

  it('keeps two adjacent redactions apart', () => {
    const pieces = markText('NAME_1 NAME_2', {
      redact: true,
      search: null,
      budget: newMarkBudget(),
    });
    expect(pieces?.filter((piece) => piece.kind === 'redaction')).toHaveLength(2);
  });

  it('spends a shared budget across text nodes and says when matches were left unmarked', () => {
    const budget = { redactions: 1, matches: 3, matchesCut: false };
    const first = markText('a a a a NAME_1 NAME_2', { redact: true, search: /a/g, budget });
    expect(first?.filter((piece) => piece.kind === 'match')).toHaveLength(3);
    expect(first?.filter((piece) => piece.kind === 'redaction')).toHaveLength(1);
    expect(budget).toEqual({ redactions: 0, matches: 0, matchesCut: true });
    expect(markText('a', { redact: true, search: /a/g, budget })).toBeNull();
  });

  it('does not change the caller regex', () => {
    const pattern = /a/y;
    pattern.lastIndex = 3;
    expect(toGlobalRegExp(pattern)?.flags).toBe('g');
    expect(pattern.lastIndex).toBe(3);
  });
});
