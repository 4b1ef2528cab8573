import { describe, expect, it } from 'vitest';
import { foldString, tokenize } from './fold';

const tokens = (text: string) => {
  const out: [string, boolean][] = [];
  tokenize(foldString(text), (token, _start, _end, cjk) => out.push([token, cjk]));
  return out;
};

describe('text-index study: folding and tokens', () => {
  it('folds as an iu regex matches: one code point for one, sigma forms together', () => {
    expect(foldString('Hello ΣΊΣΥΦΟΣ КЛИМАТА')).toBe('hello σίσυφοσ климата');
    expect(foldString('ς')).toBe(foldString('Σ'));
    expect(foldString('Straße')).toBe('straße'); // not 'strasse': iu keeps ß apart from ss
    // İ lowers to two code units; the fold keeps one per character, so offsets stay the text's.
    expect(foldString('İstanbul').length).toBe('İstanbul'.length);
  });

  it('gives words for spaced scripts and character bigrams for CJK', () => {
    expect(tokens('Tell me, NAME_1: 学习中文 ok')).toEqual([
      ['tell', false],
      ['me', false],
      ['name_1', false],
      ['学习', true],
      ['习中', true],
      ['中文', true],
      ['ok', false],
    ]);
    expect(tokens('act学')).toEqual([
      ['act', false],
      ['学', true],
    ]);
  });
});
