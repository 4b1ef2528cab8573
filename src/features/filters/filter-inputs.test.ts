import { describe, expect, it } from 'vitest';
import { parseScoreInput, parseTurnRangeInput } from './filter-inputs';

describe('turn range input', () => {
  it('reads open and closed ranges', () => {
    expect(parseTurnRangeInput('2', '10')).toEqual({ ok: true, value: { min: 2, max: 10 } });
    expect(parseTurnRangeInput(' 3 ', '')).toEqual({ ok: true, value: { min: 3 } });
    expect(parseTurnRangeInput('', '5')).toEqual({ ok: true, value: { max: 5 } });
    expect(parseTurnRangeInput('', '')).toEqual({ ok: true, value: {} });
    expect(parseTurnRangeInput('4', '4')).toEqual({ ok: true, value: { min: 4, max: 4 } });
    expect(parseTurnRangeInput('0', '')).toEqual({ ok: true, value: { min: 0 } });
  });

  it('rejects a minimum above the maximum', () => {
    expect(parseTurnRangeInput('10', '2')).toEqual({
      ok: false,
      message: 'Minimum turns must not be above maximum turns.',
    });
  });

  it.each(['-1', '1.5', 'abc', '1e3', '0x10', '1234567890', '+3', "1' OR 1=1"])(
    'rejects %s as a bound',
    (text) => {
      expect(parseTurnRangeInput(text, '')).toMatchObject({
        ok: false,
        message: 'Minimum turns must be a whole number of 0 or more.',
      });
      expect(parseTurnRangeInput('', text)).toMatchObject({
        ok: false,
        message: 'Maximum turns must be a whole number of 0 or more.',
      });
    },
  );
});

describe('score input', () => {
  it.each([
    ['0.8', 0.8],
    ['.25', 0.25],
    ['1e-4', 0.0001],
    ['1E-4', 0.0001],
    ['0', 0],
    ['1', 1],
    ['1.0', 1],
    [' 0.5 ', 0.5],
    ['5e-1', 0.5],
  ])('accepts %s as %d', (text, value) => {
    expect(parseScoreInput('sexual', text)).toEqual({ ok: true, value });
  });

  it('reads an empty box as no minimum', () => {
    expect(parseScoreInput('hate', '  ')).toEqual({ ok: true, value: undefined });
  });

  it.each(['-0.1', '1.5', '2e0', 'NaN', 'Infinity', '0x1', 'abc', '.', 'e-4', '0.5&min.hate=1'])(
    'rejects %s',
    (text) => {
      expect(parseScoreInput('sexual', text)).toEqual({
        ok: false,
        message: 'Enter a score from 0 to 1, like 0.8, .25 or 1e-4.',
      });
    },
  );
});
