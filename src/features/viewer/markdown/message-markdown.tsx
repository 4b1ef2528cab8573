import { useId, useMemo, useState, type JSX } from 'react';
import { formatCount } from '../../../lib/format';
import { collapsedPrefix, DEFAULT_COLLAPSE_AFTER, PLAIN_TEXT_ABOVE } from './collapse';
import { hasFencedCode } from './load-highlighter';
import { MarkdownBody } from './markdown-body';
import { PlainText } from './plain-text';
import { useHighlighter } from './use-highlighter';

export interface MessageMarkdownProps {
  text: string;
  /** Search matches to mark (global flag set by caller); null/undefined = none. */
  highlight?: RegExp | null;
  /** Characters shown before the message collapses behind "Show all"; default ~4000. */
  collapseAfter?: number;
  /** Start expanded (e.g. when the search hit lies past the collapsed prefix). */
  defaultExpanded?: boolean;
}

/**
 * One chat message's untrusted text, rendered safely as markdown. A long message shows a prefix cut
 * at a line (the rest is not even parsed) and a "Show all" button; past PLAIN_TEXT_ABOVE characters
 * the expanded text is plain preformatted text, because parsing megabytes would freeze the tab.
 */
export function MessageMarkdown({
  text,
  highlight = null,
  collapseAfter = DEFAULT_COLLAPSE_AFTER,
  defaultExpanded = false,
}: MessageMarkdownProps): JSX.Element {
  const [expanded, setExpanded] = useState(defaultExpanded);
  const contentId = useId();
  const prefix = useMemo(() => collapsedPrefix(text, collapseAfter), [text, collapseAfter]);
  const shown = expanded || prefix === null ? text : prefix;
  const plain = shown.length > PLAIN_TEXT_ABOVE;
  const highlighter = useHighlighter(!plain && hasFencedCode(shown));

  return (
    <div className="min-w-0 text-sm leading-relaxed wrap-anywhere">
      <div id={contentId}>
        {plain ? (
          <PlainText text={shown} search={highlight} />
        ) : (
          <MarkdownBody text={shown} search={highlight} highlighter={highlighter} />
        )}
      </div>
      {prefix !== null && (
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={contentId}
          onClick={() => setExpanded((value) => !value)}
          className="mt-1 rounded-sm text-xs font-medium text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          {expanded ? 'Show less' : `Show all (${formatCount(text.length)} characters)`}
        </button>
      )}
    </div>
  );
}
