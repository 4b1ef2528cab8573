import { Decimal, makeData, makeVector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { displayValue } from './console-values';

describe('console cell text', () => {
  it('shows plain values as they are and nested ones as JSON', () => {
    expect(displayValue(null)).toBeNull();
    expect(displayValue('a "quoted" text')).toBe('a "quoted" text');
    expect(displayValue(1.5)).toBe('1.5');
    expect(displayValue(12345678901234567890n)).toBe('12345678901234567890');
    expect(displayValue(new Uint8Array([0, 255]))).toBe('\\x00ff');
    expect(displayValue({ a: [1, 2n] })).toBe('{"a":[1,"2"]}');
  });

  it('shows a HUGEINT (an Arrow Decimal128, e.g. a sum of BIGINTs) as its number', () => {
    // 183,762,944 as 128 bits, little-endian 32-bit words: DuckDB's sum() over BIGINT.
    const data = makeData({
      type: new Decimal(0, 38, 128),
      length: 1,
      data: new Uint32Array([183_762_944, 0, 0, 0]),
    });
    expect(displayValue(makeVector(data).get(0))).toBe('183762944');
  });
});
