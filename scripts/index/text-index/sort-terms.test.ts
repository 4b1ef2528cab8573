import { describe, expect, it } from 'vitest';
import { sortTermIds } from './sort-terms';

/** Terms laid out as the term table does: code units back to back, a start and length per id. */
function sorted(terms: string[], stride: number): string[] {
  const units = new Uint16Array(terms.reduce((n, t) => n + t.length, 0));
  const records = new Int32Array(terms.length * stride);
  let at = 0;
  terms.forEach((term, id) => {
    records[id * stride] = at;
    records[id * stride + 1] = term.length;
    for (let i = 0; i < term.length; i++) units[at++] = term.charCodeAt(i);
  });
  const ids = Int32Array.from(terms.keys());
  sortTermIds(ids, units, records, stride);
  return Array.from(ids, (id) => terms[id]!);
}

describe('sortTermIds', () => {
  it('orders terms as JavaScript compares strings', () => {
    let seed = 3;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    // Short alphabets, so many terms share long prefixes or are prefixes of each other.
    const alphabet = ['a', 'b', '\u0000', '\u0001', 'é', '学', '\uffff', '\ud83d\ude00', '\ud800'];
    const terms = new Set<string>(['', 'a', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']);
    while (terms.size < 20_000) {
      let term = '';
      const length = Math.floor(random() * 12);
      for (let i = 0; i < length; i++) term += alphabet[Math.floor(random() * alphabet.length)];
      terms.add(term);
    }
    for (let n = 1; n < 200; n++) terms.add('x'.repeat(n));
    const all = [...terms];
    const expected = [...all].sort();
    expect(sorted(all, 2)).toEqual(expected);
    expect(sorted(all, 8)).toEqual(expected);
    expect(sorted(all.slice(0, 10), 3)).toEqual([...all.slice(0, 10)].sort());
    expect(sorted([], 2)).toEqual([]);
  });
});
