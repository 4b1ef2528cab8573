export { ignoresShortcuts } from './is-typing';
export { actionForKey, LIST_SHORTCUTS, VIEWER_SHORTCUTS } from './shortcuts';
export { ShortcutsDialog } from './shortcuts-dialog';
export { useGlobalShortcuts } from './use-global-shortcuts';
