import { describe, expect, it } from 'vitest';
import { casedCharacters, foldText } from './text-fold';
import { escapeRegExp } from './search-pattern';

const iuEqual = (a: string, b: string) => new RegExp(`^${escapeRegExp(a)}$`, 'iu').test(b);

describe('foldText', () => {
  it('folds every cased character to one code point its own iu class matches', () => {
    for (const c of casedCharacters()) {
      const folded = foldText(c);
      expect([...folded]).toHaveLength(1);
      if (!iuEqual(folded, c)) expect.fail(`${c} folds to ${folded}, which iu does not match`);
    }
  });

  it('gives two cased characters one fold exactly when iu matches them to each other', () => {
    const cased = casedCharacters();
    const byFold = new Map<string, string[]>();
    for (const c of cased) byFold.set(foldText(c), [...(byFold.get(foldText(c)) ?? []), c]);
    // Each class, found by the engine, is exactly the characters sharing a fold.
    for (const c of cased) {
      const members = cased.join('').match(new RegExp(`[${escapeRegExp(c)}]`, 'giu')) ?? [];
      expect(members.sort()).toEqual([...byFold.get(foldText(c))!].sort());
    }
  });

  it('leaves characters without case alone, and iu finds no cased character among them', () => {
    const uncased: string[] = [];
    const cased = new Set(casedCharacters());
    for (let c = 0; c < 0x110000; c += c < 0x30000 ? 1 : 97) {
      if (c === 0xd800) c = 0xe000;
      const s = String.fromCodePoint(c);
      if (!cased.has(s)) uncased.push(s);
    }
    const text = uncased.join('');
    expect(foldText(text)).toBe(text);
    const anyCased = new RegExp(`[${[...cased].map(escapeRegExp).join('')}]`, 'iu');
    expect(anyCased.test(text)).toBe(false);
  });

  it('folds whole strings as character by character, final sigma and dotted I included', () => {
    expect(foldText('ΟΔΟΣ Straße İstanbul ıI K')).toBe('οδοσ straße İstanbul ıi k');
    expect(foldText('ΣΑΣ')).toBe(foldText('σας'));
    expect(foldText('𐐀𐐨')).toBe('𐐨𐐨');
    const sample = 'Ǆemal ǅ ǆ ΐ ΐ ſ ẞ ß ᾈ ᾀ Ω ω Å å';
    expect(foldText(sample)).toBe([...sample].map((c) => foldText(c)).join(''));
  });
});
