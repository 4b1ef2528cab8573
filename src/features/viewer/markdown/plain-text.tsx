import { memo, type ReactNode } from 'react';
import { formatCount } from '../../../lib/format';
import { PLAIN_TEXT_ABOVE } from './collapse';
import {
  markText,
  MARKS_PER_MESSAGE,
  newMarkBudget,
  REDACTION_CLASS,
  REDACTION_TITLE,
  SEARCH_MATCH_CLASS,
  toGlobalRegExp,
  type PlainPiece,
} from './text-marks';

/** A huge message as preformatted text, with the same redaction and search marks as markdown. */
export const PlainText = memo(function PlainText({
  text,
  search,
}: {
  text: string;
  search: RegExp | null;
}) {
  const budget = newMarkBudget();
  const pieces = markText(text, { redact: true, search: toGlobalRegExp(search), budget });
  const note = `Shown as plain text: formatting is skipped above ${formatCount(PLAIN_TEXT_ABOVE)} characters.${
    budget.matchesCut
      ? ` Only the first ${formatCount(MARKS_PER_MESSAGE)} search matches are marked.`
      : ''
  }`;
  return (
    <>
      <p className="mb-1 text-xs text-slate-500">{note}</p>
      <pre dir="auto" className="font-sans whitespace-pre-wrap">
        {pieces === null
          ? text
          : pieces.map((piece, index) =>
              piece.kind === 'redaction' ? (
                <mark
                  key={index}
                  className={REDACTION_CLASS}
                  data-redaction=""
                  title={REDACTION_TITLE}
                >
                  {piece.children.map(plainNode)}
                </mark>
              ) : (
                plainNode(piece, index)
              ),
            )}
      </pre>
    </>
  );
});

function plainNode(piece: PlainPiece, index: number): ReactNode {
  if (piece.kind === 'text') return piece.text;
  return (
    <mark key={index} className={SEARCH_MATCH_CLASS} data-search-match="">
      {piece.text}
    </mark>
  );
}
