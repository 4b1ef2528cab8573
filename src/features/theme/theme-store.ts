import {
  DARK_QUERY,
  THEME_STORAGE_KEY,
  applyTheme,
  parseThemeChoice,
  resolveTheme,
  type ThemeChoice,
} from './theme';

/** localStorage can throw (disabled storage, private modes): the theme then lasts for the tab. */
function readStored(): string | null {
  try {
    return localStorage.getItem(THEME_STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeStored(choice: ThemeChoice) {
  try {
    localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Not remembered; still applied.
  }
}

let choice: ThemeChoice = 'system';
const listeners = new Set<() => void>();

function apply() {
  applyTheme(document.documentElement, resolveTheme(choice, matchMedia(DARK_QUERY).matches));
}

/** Reads the remembered choice, applies it, and follows the system while the choice is "system". */
export function startTheme() {
  choice = parseThemeChoice(readStored());
  apply();
  matchMedia(DARK_QUERY).addEventListener('change', () => {
    if (choice === 'system') apply();
  });
}

export const themeStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: (): ThemeChoice => choice,
  set(next: ThemeChoice) {
    choice = next;
    writeStored(next);
    apply();
    for (const listener of listeners) listener();
  },
};
