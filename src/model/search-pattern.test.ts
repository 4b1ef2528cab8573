import { describe, expect, it } from 'vitest';
import { escapeRegExp, searchPattern } from './search-pattern';

function pattern(text: string, options: { regex?: boolean; wholeWord?: boolean } = {}): RegExp {
  const result = searchPattern({ text, regex: false, wholeWord: false, ...options });
  if ('error' in result) throw new Error(result.error);
  return result.pattern;
}

describe('searchPattern', () => {
  it('ignores case across scripts with Unicode simple case folding', () => {
    expect(pattern('café').test('CAFÉ au lait')).toBe(true);
    expect(pattern('É').test('élan')).toBe(true);
    expect(pattern('ПРИВЕТ').test('привет, мир')).toBe(true);
    // Σ, σ and final ς fold to one another under `iu`.
    expect(pattern('σ').test('ΟΔΥΣΣΕΥΣ')).toBe(true);
    expect(pattern('Σ').test('λόγος')).toBe(true);
    expect(pattern('ς').test('ΣΟΦΙΑ')).toBe(true);
  });

  it('does not apply folds that change length (documented: ß is not SS)', () => {
    expect(pattern('straße').test('STRASSE')).toBe(false);
    expect(pattern('straße').test('STRAẞE')).toBe(true);
  });

  it('treats regular-expression characters in plain text literally', () => {
    const hostile = `a.b*c+(d)[e]{f}|g^h$i\\j?k/l-m'n"%_`;
    expect(pattern(hostile).test(`xx ${hostile} yy`)).toBe(true);
    expect(pattern('a.b').test('axb')).toBe(false);
    expect(pattern('%').test('50% off')).toBe(true);
    expect(pattern('_').test('no underscore')).toBe(false);
    expect(new RegExp(escapeRegExp('-'), 'u').test('a-b')).toBe(true);
  });

  it('matches whole words only at Unicode word boundaries', () => {
    const word = (text: string) => pattern(text, { wholeWord: true });
    expect(word('cat').test('the cat sat')).toBe(true);
    expect(word('cat').test('Cat.')).toBe(true);
    expect(word('cat').test('concatenate')).toBe(false);
    expect(word('cat').test('cat_food')).toBe(false);
    expect(word('cat').test('cat2')).toBe(false);
    // \b would call the é a boundary; a Unicode-aware one does not.
    expect(word('caf').test('café')).toBe(false);
    expect(word('naïve').test('a naïve idea')).toBe(true);
    expect(word('мир').test('привет, мир!')).toBe(true);
    expect(word('мир').test('мировой')).toBe(false);
  });

  it('accepts regular expressions, also as whole words', () => {
    expect(pattern('col(ou)?r', { regex: true }).test('COLOUR')).toBe(true);
    expect(pattern('\\d{3}', { regex: true }).test('room 404')).toBe(true);
    expect(pattern('a|b', { regex: true, wholeWord: true }).test('xa b')).toBe(true);
    expect(pattern('a|b', { regex: true, wholeWord: true }).test('ab')).toBe(false);
  });

  it('reports an invalid regular expression as a readable error', () => {
    const result = searchPattern({ text: '(unclosed', regex: true, wholeWord: false });
    expect(result).toEqual({ error: expect.stringMatching(/^Not a valid regular expression: /) });
    expect('error' in result && result.error).not.toContain('/(unclosed/');
    expect(searchPattern({ text: '(unclosed', regex: false, wholeWord: false })).toHaveProperty(
      'pattern',
    );
    expect(searchPattern({ text: '', regex: false, wholeWord: false })).toHaveProperty('error');
    // Whole-word wrapping must not make an invalid expression valid (`a[` + `)(?![...]`).
    expect(searchPattern({ text: 'a[', regex: true, wholeWord: true })).toHaveProperty('error');
    expect(searchPattern({ text: 'a)|(b', regex: true, wholeWord: true })).toHaveProperty('error');
  });
});
