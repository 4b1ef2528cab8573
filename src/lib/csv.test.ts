import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes plain fields unquoted with CRLF line ends', () => {
    expect(toCsv(['model', 'conversations'], [['vicuna-13b', 490712]])).toBe(
      'model,conversations\r\nvicuna-13b,490712\r\n',
    );
  });

  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(toCsv(['a'], [['x,y'], ['say "hi"'], ['two\nlines'], ['cr\rhere']])).toBe(
      'a\r\n"x,y"\r\n"say ""hi"""\r\n"two\nlines"\r\n"cr\rhere"\r\n',
    );
  });

  it('neutralises strings a spreadsheet would run as formulas, but not numbers', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['=1+1', -3],
          ['@SUM(A1)', 0],
          ['+x', 1],
          ['-y', 2],
        ],
      ),
    ).toBe("a,b\r\n'=1+1,-3\r\n'@SUM(A1),0\r\n'+x,1\r\n'-y,2\r\n");
  });

  it('quotes a neutralised formula that also holds a comma', () => {
    expect(toCsv(['a'], [['=HYPERLINK("http://x", "y")']])).toBe(
      'a\r\n"\'=HYPERLINK(""http://x"", ""y"")"\r\n',
    );
  });
});
