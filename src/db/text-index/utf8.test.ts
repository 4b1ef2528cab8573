import { describe, expect, it } from 'vitest';
import { utf8 } from './utf8';

describe('utf8', () => {
  it('writes what TextEncoder writes, from any code unit on', () => {
    let seed = 5;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    // Every UTF-8 length, pairs and lone surrogates, and long strings.
    const alphabet = ['a', 'z', '\u0001', '\u007f', '\u0080', 'é', '\u07ff', '\u0800', '学'];
    alphabet.push('\uffff', '\ud83d\ude00', '\ud83d\ude01', '\ud800', '\udfff', 'x'.repeat(300));
    const encoder = new TextEncoder();
    for (let n = 0; n < 5_000; n++) {
      let s = '';
      for (let i = Math.floor(random() * 8); i >= 0; i--)
        s += alphabet[Math.floor(random() * alphabet.length)];
      const from = Math.floor(random() * s.length);
      expect(utf8(s, from)).toEqual(encoder.encode(s.slice(from)));
    }
  });
});
