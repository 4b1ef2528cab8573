import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../../model/search-pattern';
import { anchorSafe, findAnchor, searchAnchor } from './search-anchor';

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : null);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('anchorSafe', () => {
  it('holds exactly for the ASCII characters whose only iu case partners are ASCII', () => {
    // Every code point the engine's case-insensitive Unicode matching pairs with an ASCII one.
    const partners = new Map<string, number[]>();
    const anyAscii = /^[\x20-\x7e]$/iu;
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCodePoint(cp);
      if (!anyAscii.test(char)) continue;
      for (let c = 0x20; c < 0x7f; c++) {
        const ascii = String.fromCharCode(c);
        if (new RegExp(`^${escapeRegExp(ascii)}$`, 'iu').test(char))
          partners.set(ascii, [...(partners.get(ascii) ?? []), cp]);
      }
    }
    expect(partners.size).toBeGreaterThan(0);
    for (let c = 0x20; c < 0x7f; c++) {
      const ascii = String.fromCharCode(c);
      expect(anchorSafe(ascii), ascii).toBe(!partners.has(ascii));
    }
    expect(anchorSafe('é')).toBe(false);
    expect(anchorSafe('\n')).toBe(false);
  });
});

describe('searchAnchor', () => {
  it.each([
    ['lighthouse', 'lighthou'],
    ['LIGHTHOUSE', 'lighthou'],
    ['Python script', 'python '],
    ['ÉCOLE normale', 'cole normale'],
    ['100% sure', '100% '],
    ["it's", "it'"],
    ['kiss', null],
    ['ab', null],
    ['привет', null],
    ['日本語', null],
  ])('takes the longest run of %j that is ASCII but k and s: %j', (input, expected) => {
    expect(text(searchAnchor({ text: input, regex: false })?.bytes)).toBe(expected);
  });

  it('has none for a regular expression, which may match text it does not spell', () => {
    expect(searchAnchor({ text: 'colou?r', regex: true })).toBeNull();
  });

  it('caps a long run at 255 bytes, as its shift table holds bytes', () => {
    expect(searchAnchor({ text: 'x'.repeat(300), regex: false })?.bytes).toHaveLength(255);
  });
});

describe('findAnchor', () => {
  const anchor = (word: string) => searchAnchor({ text: word, regex: false })!;

  it('finds the first occurrence in any ASCII case, within [from, to)', () => {
    const hay = utf8('The LightHouse and the lighthouse');
    const a = anchor('lighthou');
    expect(findAnchor(hay, 0, hay.length, a)).toBe(4);
    expect(findAnchor(hay, 5, hay.length, a)).toBe(23);
    expect(findAnchor(hay, 0, 11, a)).toBe(-1);
    expect(findAnchor(hay, 0, 12, a)).toBe(4);
    expect(findAnchor(hay, 24, hay.length, a)).toBe(-1);
  });

  it('agrees with a naive search on random text', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const letters = 'abcABC é';
    for (let round = 0; round < 300; round++) {
      const hay = utf8(
        Array.from({ length: 60 }, () => letters[Math.floor(random() * 8)]).join(''),
      );
      const word = Array.from({ length: 3 + Math.floor(random() * 3) }, () =>
        'abcABC'.charAt(Math.floor(random() * 6)),
      ).join('');
      const folded = new TextDecoder().decode(hay).toLowerCase();
      const from = Math.floor(random() * 10);
      // Byte by byte: ASCII letters compared with their case bit cleared, nothing else folded.
      let expected = -1;
      const bytes = utf8(word.toLowerCase());
      for (let i = from; i + bytes.length <= hay.length && expected < 0; i++) {
        let j = 0;
        while (j < bytes.length && (hay[i + j]! | 0x20) === bytes[j] && hay[i + j]! < 0x80) j++;
        if (j === bytes.length) expected = i;
      }
      expect(findAnchor(hay, from, hay.length, anchor(word)), `${word} in ${folded}`).toBe(
        expected,
      );
    }
  });
});
