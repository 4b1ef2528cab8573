import { describe, expect, it } from 'vitest';
import { HISTORY_KEY, HISTORY_LIMIT, readHistory, saveHistory, withQuery } from './query-history';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('query history', () => {
  it('puts the newest query first and drops its older copy', () => {
    expect(withQuery(['b', 'a'], ' a ')).toEqual(['a', 'b']);
  });

  it('ignores blank queries and keeps at most the limit', () => {
    expect(withQuery(['a'], '  ')).toEqual(['a']);
    const many = Array.from({ length: HISTORY_LIMIT }, (_, i) => `q${i}`);
    const next = withQuery(many, 'new');
    expect(next).toHaveLength(HISTORY_LIMIT);
    expect(next[0]).toBe('new');
    expect(next).not.toContain(`q${HISTORY_LIMIT - 1}`);
  });

  it('round-trips through storage and survives garbage in it', () => {
    const storage = memoryStorage();
    saveHistory(['SELECT 1', 'SELECT 2'], storage);
    expect(readHistory(storage)).toEqual(['SELECT 1', 'SELECT 2']);
    expect(readHistory(memoryStorage({ [HISTORY_KEY]: '{not json' }))).toEqual([]);
    expect(readHistory(memoryStorage({ [HISTORY_KEY]: '[1, "SELECT 3", null]' }))).toEqual([
      'SELECT 3',
    ]);
  });
});
