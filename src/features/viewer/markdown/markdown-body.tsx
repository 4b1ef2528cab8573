import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { rehypeImagesAsLinks } from './rehype-images-as-links';
import { rehypeMarks } from './rehype-marks';
import { rehypePresentation } from './rehype-presentation';
import type { RehypePlugin } from './rehype-plugin';
import { remarkHtmlAsText } from './remark-html-as-text';
import { SafeLink, TaskCheckbox } from './safe-links';
import { safeUrl } from './safe-url';

const REMARK_PLUGINS = [remarkGfm, remarkHtmlAsText];
const COMPONENTS: Components = { a: SafeLink, input: TaskCheckbox };

export interface MarkdownBodyProps {
  text: string;
  search: RegExp | null;
  /** The lazily loaded highlighter, or null to leave code blocks plain. */
  highlighter: RehypePlugin | null;
}

/**
 * GitHub-flavoured markdown as React elements. The HTML in a message is already text (remark step);
 * rehype-sanitize with GitHub's schema comes first among the rehype steps, so only our own later
 * steps (images as links, classes, highlighting, marks) add classes and attributes.
 */
export const MarkdownBody = memo(function MarkdownBody({
  text,
  search,
  highlighter,
}: MarkdownBodyProps) {
  const rehypePlugins: RehypePlugin[] = [
    [rehypeSanitize, defaultSchema],
    rehypeImagesAsLinks,
    rehypePresentation,
    ...(highlighter ? [highlighter] : []),
    [rehypeMarks, { search }],
  ];
  return (
    <Markdown
      remarkPlugins={REMARK_PLUGINS}
      rehypePlugins={rehypePlugins}
      components={COMPONENTS}
      urlTransform={safeUrl}
    >
      {text}
    </Markdown>
  );
});
