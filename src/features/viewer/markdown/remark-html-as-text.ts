import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';

/** Containers whose children are blocks: HTML found there becomes a paragraph, not loose text. */
const BLOCK_CONTAINERS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/**
 * Raw HTML in a message is shown as the characters its author typed and never interpreted: inline
 * HTML becomes text, and an HTML block becomes a paragraph that keeps its line breaks. (Dropping it,
 * react-markdown's default, would hide what a user actually sent, e.g. a `<script>` jailbreak.)
 */
export function remarkHtmlAsText() {
  return (tree: Root) => {
    replaceHtml(tree);
  };
}

function replaceHtml(node: Nodes) {
  if (!('children' in node)) return;
  const block = BLOCK_CONTAINERS.has(node.type);
  const children: RootContent[] = node.children;
  children.forEach((child, index) => {
    if (child.type === 'html') {
      children[index] = block
        ? paragraphOfLines(child.value)
        : { type: 'text', value: child.value };
    } else {
      replaceHtml(child);
    }
  });
}

function paragraphOfLines(value: string): Paragraph {
  const children: PhrasingContent[] = [];
  value.split('\n').forEach((line, index) => {
    if (index > 0) children.push({ type: 'break' });
    children.push({ type: 'text', value: line });
  });
  return { type: 'paragraph', children };
}
