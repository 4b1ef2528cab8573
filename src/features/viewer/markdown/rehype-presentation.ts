import type { Element, Root } from 'hast';

// Tailwind classes for markdown's elements (no typography plugin).
const CLASSES: Record<string, string> = {
  p: 'my-2 first:mt-0 last:mb-0',
  h1: 'mt-4 mb-2 text-lg font-semibold first:mt-0',
  h2: 'mt-4 mb-2 text-base font-semibold first:mt-0',
  h3: 'mt-3 mb-1 font-semibold first:mt-0',
  h4: 'mt-3 mb-1 font-semibold first:mt-0',
  h5: 'mt-3 mb-1 font-semibold first:mt-0',
  h6: 'mt-3 mb-1 font-semibold first:mt-0',
  ul: 'my-2 list-disc pl-6',
  ol: 'my-2 list-decimal pl-6',
  li: 'my-0.5',
  blockquote: 'my-2 border-l-4 border-slate-300 pl-3 text-slate-600',
  pre: 'my-2 overflow-x-auto rounded border border-slate-200 bg-slate-50 p-3 text-[0.85em] leading-snug wrap-normal',
  table: 'my-2 block w-max max-w-full overflow-x-auto border-collapse text-left',
  th: 'border border-slate-300 bg-slate-50 px-2 py-1 font-semibold',
  td: 'border border-slate-300 px-2 py-1 align-top',
  hr: 'my-4 border-slate-200',
  del: 'text-slate-500',
  section: 'mt-4 border-t border-slate-200 pt-2 text-xs',
};
const INLINE_CODE = 'rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em]';
const BLOCK_CODE = 'font-mono';
const TASK_LIST = 'my-2 list-none pl-1';
const ID_PROPERTIES = ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'];
/** Blocks of text that each take their direction from their own first strong character. */
const OWN_DIRECTION = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'th',
  'td',
]);

/**
 * Adds the classes above (after rehype-sanitize, which would strip them) and removes ids: every
 * message numbers its footnotes from 1, so ids would repeat on the page, and the fragment links
 * that used them are not kept (safe-url.ts). Text blocks get `dir="auto"`, so an Arabic or Hebrew
 * paragraph reads right to left, and an English one beside it left to right.
 */
export function rehypePresentation() {
  return (tree: Root) => {
    present(tree, false);
  };
}

function present(parent: Root | Element, inPre: boolean) {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    const own = Array.isArray(child.properties.className) ? child.properties.className : [];
    const added = classesFor(child.tagName, own, inPre);
    if (added) child.properties.className = [...own, added];
    for (const idProperty of ID_PROPERTIES) delete child.properties[idProperty];
    if (OWN_DIRECTION.has(child.tagName)) child.properties.dir = 'auto';
    present(child, inPre || child.tagName === 'pre');
  }
}

function classesFor(tag: string, own: Array<string | number>, inPre: boolean): string | undefined {
  if (tag === 'code') return inPre ? BLOCK_CODE : INLINE_CODE;
  if (own.includes('contains-task-list')) return TASK_LIST;
  return CLASSES[tag];
}
