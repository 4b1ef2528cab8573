import type { Element, ElementContent, Root, RootContent } from 'hast';
import {
  markText,
  newMarkBudget,
  REDACTION_CLASS,
  REDACTION_TITLE,
  SEARCH_MATCH_CLASS,
  toGlobalRegExp,
  type MarkBudget,
  type PlainPiece,
  type TextPiece,
} from './text-marks';

export interface RehypeMarksOptions {
  search: RegExp | null;
}

/**
 * Marks NAME_n placeholders (outside code) and search matches (everywhere, code included) in text
 * nodes. It runs after rehype-sanitize and the highlighter, so its classes and data attributes are
 * not stripped; in highlighted code a match is marked only within one token's text. At most
 * MARKS_PER_MESSAGE of each kind are marked, in document order.
 */
export function rehypeMarks(options: RehypeMarksOptions) {
  const search = toGlobalRegExp(options.search);
  return (tree: Root) => {
    markChildren(tree, false, search, newMarkBudget());
  };
}

function markChildren(
  parent: Root | Element,
  inCode: boolean,
  search: RegExp | null,
  budget: MarkBudget,
) {
  const next: RootContent[] = [];
  let changed = false;
  for (const child of parent.children) {
    if (child.type === 'text') {
      const pieces = markText(child.value, { redact: !inCode, search, budget });
      if (pieces) {
        next.push(...pieces.map(toHast));
        changed = true;
        continue;
      }
    } else if (child.type === 'element') {
      const code = inCode || child.tagName === 'code' || child.tagName === 'pre';
      markChildren(child, code, search, budget);
    }
    next.push(child);
  }
  // Only elements and text are ever added, which is what an element may hold.
  if (changed) parent.children = next as ElementContent[];
}

function toHast(piece: TextPiece): ElementContent {
  if (piece.kind !== 'redaction') return plainToHast(piece);
  return {
    type: 'element',
    tagName: 'mark',
    properties: { className: [REDACTION_CLASS], dataRedaction: '', title: REDACTION_TITLE },
    children: piece.children.map(plainToHast),
  };
}

function plainToHast(piece: PlainPiece): ElementContent {
  if (piece.kind === 'text') return { type: 'text', value: piece.text };
  return {
    type: 'element',
    tagName: 'mark',
    properties: { className: [SEARCH_MATCH_CLASS], dataSearchMatch: '' },
    children: [{ type: 'text', value: piece.text }],
  };
}
