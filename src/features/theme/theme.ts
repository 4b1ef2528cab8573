/**
 * The theme rules, shared by the store and mirrored by public/theme-boot.js (which applies the
 * remembered theme before the first paint; theme.test.ts runs that file against these rules).
 */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'convoscope.theme';
export const DARK_QUERY = '(prefers-color-scheme: dark)';

/** A stored value, which may be missing or stale: anything unknown follows the system. */
export function parseThemeChoice(value: string | null | undefined): ThemeChoice {
  return (THEME_CHOICES as readonly string[]).includes(value ?? '')
    ? (value as ThemeChoice)
    : 'system';
}

export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): Theme {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}

/** The `dark` class on <html> turns on the dark palette (src/index.css). */
export function applyTheme(root: HTMLElement, theme: Theme) {
  root.classList.toggle('dark', theme === 'dark');
}
