import { describe, expect, it } from 'vitest';
import { foldText } from '../../../src/model/text-fold';
import { forEachTerm } from '../../../src/model/text-tokens';
import { hashRange, scanTerms } from './scan-terms';

/** The terms and hashes `scanTerms` gives, each checked against `hashRange`. */
function scanned(text: string): string[] {
  const terms: string[] = [];
  scanTerms(text, {
    add(s, start, end, hash) {
      expect(hash).toBe(hashRange(s, start, end));
      terms.push(s.slice(start, end));
    },
  });
  return terms;
}

function contract(text: string): string[] {
  const terms: string[] = [];
  forEachTerm(text, (term) => terms.push(term));
  return terms;
}

describe('scanTerms', () => {
  it('gives the contract’s terms for every code point, alone and between others', () => {
    const chunk: string[] = [];
    const check = () => {
      // Each code point alone (split by spaces), and all of them run together.
      const spaced = chunk.join(' ');
      expect(scanned(spaced)).toEqual(contract(spaced));
      const joined = chunk.join('');
      expect(scanned(joined)).toEqual(contract(joined));
      chunk.length = 0;
    };
    for (let c = 0; c < 0x110000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      chunk.push(String.fromCodePoint(c));
      if (chunk.length === 4096) check();
    }
    check();
  });

  it('gives the contract’s terms for mixed scripts, lone surrogates and folded text', () => {
    const texts = [
      'act学 学act 学习 人工智能 説明します 기록해 a学b学c',
      'Hello, WORLD! ΣΊΣΥΦΟΣ ὈΔΥΣΣΕΎΣ straße İstanbul ıi ǅ ﬁ',
      'Ру́сский язык: КЛИМАТА; العربية الصيانة; עברית',
      'lone \ud800 high, lone \udc00 low, pair 𠀀𠀁 emoji 😀x 𝐀𝐁𝐂 ab\ud800',
      'snake_case x2 3.14 ①②③ Ⅻ a\u0301e\u0308 _',
      '',
      '   ',
      '\ud800',
      '𠀀',
    ];
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const alphabet = Array.from('aZ_9 学习カ한Σς\u0301😀\ud800\udc00.-é');
    for (let i = 0; i < 500; i++) {
      let text = '';
      for (let j = 0; j < 30; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      texts.push(text);
    }
    for (const text of texts) {
      expect(scanned(text)).toEqual(contract(text));
      const folded = foldText(text);
      expect(scanned(folded)).toEqual(contract(folded));
    }
  });
});
