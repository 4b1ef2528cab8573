import { describe, expect, it } from 'vitest';
import { collapsedPrefix } from './collapse';

describe('collapsedPrefix', () => {
  it('is null when the text fits, trailing blank lines included', () => {
    expect(collapsedPrefix('short', 100)).toBeNull();
    expect(collapsedPrefix('x'.repeat(100), 100)).toBeNull();
    expect(collapsedPrefix(`${'x'.repeat(100)}\n\n   \n`, 100)).toBeNull();
    expect(collapsedPrefix(Array(60).fill('l').join('\n'), 1000)).toBeNull();
  });

  it('cuts at the last line break within the budget', () => {
    const text = `${'a'.repeat(60)}\n${'b'.repeat(30)}\n${'c'.repeat(30)}`;
    expect(collapsedPrefix(text, 100)).toBe(`${'a'.repeat(60)}\n${'b'.repeat(30)}`);
  });

  it('cuts after the 60th line even when the lines are short', () => {
    const lines = Array.from({ length: 61 }, (_, index) => `${index + 1}`);
    expect(collapsedPrefix(lines.join('\n'), 10_000)).toBe(lines.slice(0, 60).join('\n'));
    expect(collapsedPrefix(lines.join('\n'), 10_000, 3)).toBe('1\n2\n3');
  });

  it('cuts one enormous line at a space, or hard when there is none', () => {
    expect(collapsedPrefix('word '.repeat(100), 42)).toBe(
      'word word word word word word word word',
    );
    expect(collapsedPrefix('x'.repeat(1_000_000), 4000)).toBe('x'.repeat(4000));
  });

  it('never splits a surrogate pair', () => {
    const prefix = collapsedPrefix('😀'.repeat(100), 11);
    expect(prefix).toBe('😀'.repeat(5));
  });
});
