import { useSyncExternalStore } from 'react';
import { THEME_CHOICES, type ThemeChoice } from './theme';
import { themeStore } from './theme-store';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** The header's theme control: light, dark, or whatever the system prefers (remembered). */
export function ThemeSelect() {
  const choice = useSyncExternalStore(themeStore.subscribe, themeStore.getSnapshot);
  return (
    <label className="flex items-center gap-1 text-sm">
      Theme
      <select
        value={choice}
        onChange={(e) => themeStore.set(e.target.value as ThemeChoice)}
        className="rounded border border-slate-300 bg-white px-1 py-0.5 focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        {THEME_CHOICES.map((c) => (
          <option key={c} value={c}>
            {LABELS[c]}
          </option>
        ))}
      </select>
    </label>
  );
}
