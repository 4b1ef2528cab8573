import { describe, expect, it } from 'vitest';
import { ByteWriter, writeVocabBlock } from '../../../src/db/text-index/format';
import { writeVocabBlockFast } from './vocab-block';

describe('writeVocabBlockFast', () => {
  it('writes the bytes of the contract’s writeVocabBlock', () => {
    let seed = 5;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    // Every UTF-8 length, pairs and lone surrogates, and terms sharing prefixes up to a pair.
    const alphabet = ['a', 'z', '\u0001', '\u007f', '\u0080', 'é', '\u07ff', '\u0800', '学'];
    alphabet.push('\uffff', '\ud83d\ude00', '\ud83d\ude01', '\ud800', '\udfff', 'x'.repeat(300));
    const terms = new Set<string>();
    while (terms.size < 5_000) {
      let term = '';
      for (let i = Math.floor(random() * 8); i >= 0; i--)
        term += alphabet[Math.floor(random() * alphabet.length)];
      terms.add(term);
    }
    const sorted = [...terms].sort();
    for (let start = 0; start < sorted.length; start += 64) {
      const block = sorted.slice(start, start + 64);
      const listBytes = block.map((_, i) => i * 1_000_003);
      const expected = new ByteWriter();
      writeVocabBlock(expected, block, listBytes);
      const actual = new ByteWriter();
      writeVocabBlockFast(actual, block, listBytes);
      expect(actual.view()).toEqual(expected.view());
    }
  });
});
