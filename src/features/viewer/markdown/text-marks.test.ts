import { describe, expect, it } from 'vitest';
import { markText, toGlobalRegExp } from './text-marks';

const joined = (value: string, search: RegExp | null) =>
  (markText(value, { redact: true, search: toGlobalRegExp(search) }) ?? [])
    .map((piece) =>
      piece.kind === 'redaction' ? piece.children.map((child) => child.text).join('') : piece.text,
    )
    .join('');

describe('markText', () => {
  it('is null when nothing matches', () => {
    expect(markText('plain text', { redact: true, search: /zzz/g })).toBeNull();
    expect(markText('NAME_1', { redact: false, search: null })).toBeNull();
  });

  it('splits a match straddling a redaction edge, and the pieces join back to the text', () => {
    const pieces = markText('hi NAME_12 there', { redact: true, search: /i NAME_1/g });
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
    const pieces = markText('NAME_1 NAME_2', { redact: true, search: null });
    expect(pieces?.filter((piece) => piece.kind === 'redaction')).toHaveLength(2);
  });

  it('does not change the caller regex', () => {
    const pattern = /a/y;
    pattern.lastIndex = 3;
    expect(toGlobalRegExp(pattern)?.flags).toBe('g');
    expect(pattern.lastIndex).toBe(3);
  });
});
