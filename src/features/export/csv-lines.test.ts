import { expect, it } from 'vitest';
import { csvHeader, csvLines } from './csv-lines';

it('writes a header and pages of rows that join into one RFC 4180 document', () => {
  const columns = ['row', 'model', 'flagged', 'max_score', 'redacted'];
  const page1 = [{ row: 0n, model: 'vicuna, 13b', flagged: true, max_score: 0.25, redacted: null }];
  const page2 = [{ row: 1, model: '=cmd()', flagged: false, max_score: null, redacted: false }];
  const text = csvHeader(columns) + csvLines(columns, page1) + csvLines(columns, page2);
  expect(text).toBe(
    'row,model,flagged,max_score,redacted\r\n' +
      '0,"vicuna, 13b",true,0.25,\r\n' +
      "1,'=cmd(),false,,false\r\n",
  );
  expect(csvLines(columns, [])).toBe('');
});
