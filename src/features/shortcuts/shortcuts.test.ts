import { describe, expect, it } from 'vitest';
import {
  GLOBAL_SHORTCUTS,
  LIST_SHORTCUTS,
  SHORTCUT_GROUPS,
  VIEWER_SHORTCUTS,
  actionForKey,
  keyLabel,
} from './shortcuts';

const keysOf = (table: Record<string, { keys: readonly string[] }>) =>
  Object.values(table).flatMap((s) => s.keys);

describe('the shortcut tables', () => {
  it('find the action a key triggers', () => {
    expect(actionForKey(LIST_SHORTCUTS, 'j')).toBe('next');
    expect(actionForKey(LIST_SHORTCUTS, 'ArrowDown')).toBe('next');
    expect(actionForKey(LIST_SHORTCUTS, 'End')).toBe('last');
    expect(actionForKey(VIEWER_SHORTCUTS, 'p')).toBe('previousFlagged');
    expect(actionForKey(GLOBAL_SHORTCUTS, '/')).toBe('focusSearch');
    expect(actionForKey(GLOBAL_SHORTCUTS, 'j')).toBeUndefined();
  });

  it('never bind one key twice where the handlers listen at the same time', () => {
    // The page-wide keys, the viewer's and the list row's all see a key pressed on a row.
    const keys = [
      ...keysOf(GLOBAL_SHORTCUTS),
      ...keysOf(VIEWER_SHORTCUTS),
      ...keysOf(LIST_SHORTCUTS),
    ];
    const repeated = keys.filter((key, i) => keys.indexOf(key) !== i);
    expect(repeated).toEqual([]);
  });

  it('list every handler table in the dialog, each entry with keys and a description', () => {
    const listed = SHORTCUT_GROUPS.map((g) => g.shortcuts);
    expect(listed).toContain(GLOBAL_SHORTCUTS);
    expect(listed).toContain(LIST_SHORTCUTS);
    expect(listed).toContain(VIEWER_SHORTCUTS);
    for (const group of SHORTCUT_GROUPS) {
      for (const shortcut of Object.values(group.shortcuts)) {
        expect(shortcut.keys.length).toBeGreaterThan(0);
        expect(shortcut.description).not.toBe('');
      }
    }
  });

  it('write keys as they appear on the keyboard', () => {
    expect(keyLabel('ArrowUp')).toBe('↑');
    expect(keyLabel('PageDown')).toBe('Page Down');
    expect(keyLabel('j')).toBe('j');
  });
});
