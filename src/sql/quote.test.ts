import { describe, expect, it } from 'vitest';
import { nativeConnection, nativeRows } from '../db/testing/node-shards';
import { quoteIdentifier, quoteString, sqlInteger } from './quote';

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

describe('sqlInteger', () => {
  it('writes safe integers as DuckDB reads them back', async () => {
    const conn = await nativeConnection();
    for (const value of [0, 7, -42, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
      const [row] = await nativeRows(conn, `SELECT ${sqlInteger(value)}::DOUBLE AS v`);
      expect(row).toEqual({ v: value });
    }
  });

  it('refuses anything that is not a safe integer', () => {
    for (const value of [1.5, NaN, Infinity, -Infinity, 2 ** 53, 1e300])
      expect(() => sqlInteger(value), String(value)).toThrow(/safe integer/);
  });
});
