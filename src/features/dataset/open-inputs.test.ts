import { describe, expect, it } from 'vitest';
import { checkParquetFiles, parseUrlLines } from './open-inputs';

describe('parseUrlLines', () => {
  it('takes one URL a line, trimmed, skipping blank lines', () => {
    expect(
      parseUrlLines(
        '  https://a.example/x.parquet \n\n hf://datasets/a/b\r\nhttp://127.0.0.1:1/y.parquet',
      ),
    ).toEqual({
      urls: ['https://a.example/x.parquet', 'hf://datasets/a/b', 'http://127.0.0.1:1/y.parquet'],
    });
  });

  it('names the first line that is not a URL', () => {
    expect(parseUrlLines('https://a.example/x.parquet\nfile:///etc/passwd')).toEqual({
      error: '"file:///etc/passwd" is not an http(s) or hf:// URL.',
    });
    expect(parseUrlLines('train.parquet')).toEqual({
      error: '"train.parquet" is not an http(s) or hf:// URL.',
    });
    expect(parseUrlLines(' \n ')).toEqual({ error: 'Enter at least one parquet URL.' });
  });
});

describe('checkParquetFiles', () => {
  const file = (name: string) => new File(['x'], name);

  it('accepts .parquet files, whatever the case', () => {
    const files = [file('a.parquet'), file('B.PARQUET')];
    expect(checkParquetFiles(files)).toEqual({ files });
  });

  it('refuses the drop and names every other file', () => {
    expect(checkParquetFiles([file('a.parquet'), file('notes.txt')])).toEqual({
      error: 'notes.txt is not a parquet file (.parquet); nothing was opened.',
    });
    expect(checkParquetFiles([file('a.csv'), file('b.json')])).toEqual({
      error: 'a.csv, b.json are not parquet files (.parquet); nothing was opened.',
    });
  });
});
