/** Keys typed into these are text, not commands. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    (target.tagName === 'INPUT' &&
      !['checkbox', 'radio', 'button', 'range'].includes((target as HTMLInputElement).type))
  );
}

/**
 * Page-wide shortcuts stay quiet while the user types and while a dialog has the focus (the page
 * behind a modal dialog must not change under it).
 */
export function ignoresShortcuts(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return true;
  if (isTyping(event.target)) return true;
  return event.target instanceof Element && event.target.closest('dialog') !== null;
}
