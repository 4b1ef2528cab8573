import { describe, expect, it } from 'vitest';
import { regexLiterals } from './regex-literals';

describe('regexLiterals', () => {
  it('keeps the literal text every match must hold', () => {
    expect(regexLiterals('climate (change|crisis)')).toEqual(['climate ']);
    expect(regexLiterals('import \\w+_\\w+')).toEqual(['import ', '_']);
    expect(regexLiterals('\\d+年')).toEqual(['年']);
    expect(regexLiterals('e\\.g\\.')).toEqual(['e.g.']);
    expect(regexLiterals('^Dear [A-Z][a-z]+,$')).toEqual(['Dear ', ',']);
    expect(regexLiterals('colou?r')).toEqual(['colo', 'r']);
    expect(regexLiterals('ab+c')).toEqual(['ab', 'c']);
    expect(regexLiterals('x{2}yz{0,3}w')).toEqual(['x', 'y', 'w']);
    expect(regexLiterals('\\u{1F600}smile\\p{L}+')).toEqual(['smile']);
  });

  it('gives nothing it is not sure of', () => {
    expect(regexLiterals('cat|dog')).toEqual([]);
    expect(regexLiterals('\\d{4}-\\d{2}')).toEqual(['-']);
    expect(regexLiterals('(?:abc)?')).toEqual([]);
    expect(regexLiterals('[abc]+')).toEqual([]);
    expect(regexLiterals('.*')).toEqual([]);
  });

  it('only ever returns text that every match contains', () => {
    const cases: [string, string[]][] = [
      ['climate (change|crisis)', ['climate change', 'a climate crisis!']],
      ['colou?r', ['color', 'colour']],
      ['ab+c', ['abc', 'abbbc']],
      ['import \\w+_\\w+', ['import os_path', 'import a_b']],
    ];
    for (const [source, texts] of cases)
      for (const text of texts) {
        expect(new RegExp(source, 'iu').test(text)).toBe(true);
        for (const literal of regexLiterals(source)) expect(text).toContain(literal);
      }
  });
});
