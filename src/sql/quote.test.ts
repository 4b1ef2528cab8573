import { describe, expect, it } from 'vitest';
import { nativeConnection, nativeRows } from '../db/testing/node-shards';
import { quoteIdentifier, quoteString } from './quote';

const nasty = [
  "it's",
  "''; DROP TABLE x; --",
  'back\\slash',
  '100%_done',
  'naïve 日本語 🚀',
  'SELECT',
  '"quoted"',
];

describe('quoting helpers', () => {
  it.each(nasty)('round-trips %s through DuckDB unchanged', async (value) => {
    const conn = await nativeConnection();
    const [row] = await nativeRows(
      conn,
      `SELECT ${quoteString(value)} AS ${quoteIdentifier(value)}`,
    );
    expect(row).toEqual({ [value]: value });
  });

  it('refuses NUL characters rather than truncating', () => {
    expect(() => quoteString('a\0b')).toThrow(/NUL/);
    expect(() => quoteIdentifier('a\0b')).toThrow(/NUL/);
  });
});
