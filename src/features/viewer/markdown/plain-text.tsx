import { memo, type ReactNode } from 'react';
import {
  markText,
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
  const pieces = markText(text, { redact: true, search: toGlobalRegExp(search) });
  return (
    <pre className="font-sans whitespace-pre-wrap">
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
