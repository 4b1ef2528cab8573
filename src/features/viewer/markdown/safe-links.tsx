import type { ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';

const LINK_CLASS =
  'text-blue-700 underline underline-offset-2 hover:text-blue-900 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-blue-600';
const REMOVED_LINK_CLASS = 'underline decoration-slate-400 decoration-dotted underline-offset-2';
export const REMOVED_LINK_TITLE = 'Link removed: only http, https and mailto links are kept';

/**
 * Every link opens in a new tab without an opener or referrer. An href that `safeUrl` emptied
 * (javascript:, data:, relative, ...) leaves only the link's text. Only href, title and children
 * are passed on: no other attribute from the message reaches the DOM.
 */
export function SafeLink({ href, title, children, node }: ComponentProps<'a'> & ExtraProps) {
  // A footnote's links point into the message itself (fragments are not kept): the reference stays
  // as its number and the "back to text" arrow goes.
  if (node?.properties.dataFootnoteRef) return children;
  if (String(node?.properties.className).includes('data-footnote-backref')) return null;
  if (!href) {
    return (
      <span className={REMOVED_LINK_CLASS} title={REMOVED_LINK_TITLE}>
        {children}
      </span>
    );
  }
  return (
    <a
      href={href}
      title={title}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className={LINK_CLASS}
    >
      {children}
    </a>
  );
}

/** A task list's checkbox: shown, not editable (read-only also keeps React from warning). */
export function TaskCheckbox({ checked }: ComponentProps<'input'> & ExtraProps) {
  return (
    <input
      type="checkbox"
      checked={Boolean(checked)}
      disabled
      readOnly
      className="mr-1.5 align-middle"
    />
  );
}
