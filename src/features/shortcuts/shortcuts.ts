/**
 * Every keyboard shortcut of the app, in one place: the handlers look their keys up here and the
 * "Keyboard shortcuts" dialog lists these tables, so the two cannot drift apart.
 */
export interface Shortcut {
  /** `KeyboardEvent.key` values, any of which triggers it. */
  readonly keys: readonly string[];
  readonly description: string;
}

/** Anywhere on the page, except while typing in a field or inside a dialog. */
export const GLOBAL_SHORTCUTS = {
  showShortcuts: { keys: ['?'], description: 'Show this list of shortcuts' },
  focusSearch: { keys: ['/'], description: 'Go to the search box' },
} as const satisfies Record<string, Shortcut>;

/** On a row of the conversation list (src/features/conversations/use-roving-rows.ts). */
export const LIST_SHORTCUTS = {
  next: { keys: ['ArrowDown', 'j'], description: 'Next conversation' },
  previous: { keys: ['ArrowUp', 'k'], description: 'Previous conversation' },
  pageDown: { keys: ['PageDown'], description: 'One page down' },
  pageUp: { keys: ['PageUp'], description: 'One page up' },
  first: { keys: ['Home'], description: 'First conversation' },
  last: { keys: ['End'], description: 'Last conversation' },
  open: { keys: ['Enter'], description: 'Open the conversation' },
} as const satisfies Record<string, Shortcut>;

/** While a conversation is open (src/features/viewer/use-viewer-keys.ts). */
export const VIEWER_SHORTCUTS = {
  nextFlagged: { keys: ['n'], description: 'Next flagged message' },
  previousFlagged: { keys: ['p'], description: 'Previous flagged message' },
  backToList: { keys: ['Escape'], description: 'Back to the list (from inside the conversation)' },
} as const satisfies Record<string, Shortcut>;

/** Keys that belong to a field or a widget; listed so the dialog is complete. */
export const FIELD_SHORTCUTS = {
  search: { keys: ['Enter'], description: 'In the search box: run the search' },
  filterNumber: {
    keys: ['Enter'],
    description: 'In a turns or minimum score box: apply the value',
  },
  chartBars: {
    keys: ['ArrowLeft', 'ArrowRight'],
    description: 'On a chart: move between bars',
  },
  chartSelect: { keys: ['Enter'], description: 'On a chart: filter by the chosen bar' },
  runSql: { keys: ['Ctrl+Enter'], description: 'In the SQL console: run the query' },
  closeDialog: { keys: ['Escape'], description: 'Close a dialog' },
} as const satisfies Record<string, Shortcut>;

export const SHORTCUT_GROUPS: readonly {
  title: string;
  shortcuts: Readonly<Record<string, Shortcut>>;
}[] = [
  { title: 'Anywhere', shortcuts: GLOBAL_SHORTCUTS },
  { title: 'Conversation list', shortcuts: LIST_SHORTCUTS },
  { title: 'Open conversation', shortcuts: VIEWER_SHORTCUTS },
  { title: 'Fields, charts and dialogs', shortcuts: FIELD_SHORTCUTS },
];

/** The action of `table` that `key` triggers, if any. */
export function actionForKey<T extends Record<string, Shortcut>>(
  table: T,
  key: string,
): keyof T | undefined {
  return Object.keys(table).find((action) => table[action]!.keys.includes(key));
}

const KEY_LABELS: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  PageDown: 'Page Down',
  PageUp: 'Page Up',
  Escape: 'Esc',
};

/** How a key is written on the keyboard. */
export function keyLabel(key: string): string {
  return KEY_LABELS[key] ?? key;
}
