import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY, parseThemeChoice, resolveTheme } from './theme';

describe('resolveTheme', () => {
  it('uses an explicit choice whatever the system prefers', () => {
    for (const systemDark of [false, true]) {
      expect(resolveTheme('light', systemDark)).toBe('light');
      expect(resolveTheme('dark', systemDark)).toBe('dark');
    }
  });

  it('follows the system for "system"', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
  });
});

describe('parseThemeChoice', () => {
  it('keeps the three known choices and falls back to system for anything else', () => {
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('system')).toBe('system');
    expect(parseThemeChoice(null)).toBe('system');
    expect(parseThemeChoice('Dark')).toBe('system');
    expect(parseThemeChoice('')).toBe('system');
  });
});

/** Runs public/theme-boot.js against a fake page; returns whether it set the `dark` class. */
function runBootScript(stored: string | null | Error, systemDark: boolean): boolean {
  const code = readFileSync(join(import.meta.dirname, '../../../public/theme-boot.js'), 'utf8');
  const classes = new Set<string>();
  const document = {
    documentElement: {
      classList: {
        toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name)),
      },
    },
  };
  const localStorage = {
    getItem: (key: string) => {
      if (stored instanceof Error) throw stored;
      return key === THEME_STORAGE_KEY ? stored : null;
    },
  };
  const window = {
    matchMedia: (query: string) => ({
      matches: query === '(prefers-color-scheme: dark)' && systemDark,
    }),
  };
  new Function('window', 'document', 'localStorage', code)(window, document, localStorage);
  return classes.has('dark');
}

describe('public/theme-boot.js (applies the theme before the first paint)', () => {
  it('agrees with resolveTheme for every stored value and system preference', () => {
    for (const stored of ['light', 'dark', 'system', null, 'bogus']) {
      for (const systemDark of [false, true]) {
        const expected = resolveTheme(parseThemeChoice(stored), systemDark) === 'dark';
        expect(runBootScript(stored, systemDark), `${stored} / system dark ${systemDark}`).toBe(
          expected,
        );
      }
    }
  });

  it('follows the system when storage throws', () => {
    expect(runBootScript(new Error('SecurityError'), true)).toBe(true);
    expect(runBootScript(new Error('SecurityError'), false)).toBe(false);
  });
});
