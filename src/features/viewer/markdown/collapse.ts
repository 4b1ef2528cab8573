/** Characters shown before a message collapses behind "Show all". */
export const DEFAULT_COLLAPSE_AFTER = 4000;

/** Lines shown before a message collapses, however short they are. */
export const COLLAPSE_AFTER_LINES = 60;

/** Above this many characters an expanded message is plain text: parsing megabytes freezes the tab. */
export const PLAIN_TEXT_ABOVE = 200_000;

/**
 * The start of a long message, shown while it is collapsed; null when the whole text fits within
 * `maxChars` characters and `maxLines` lines. The cut falls at a line break when there is one in the
 * second half of the budget, else at a space, else (one enormous word) at `maxChars`. Only the first
 * `maxChars` characters are looked at, so a 2 MB paste costs the same as a 4 kB one.
 */
export function collapsedPrefix(
  text: string,
  maxChars: number,
  maxLines = COLLAPSE_AFTER_LINES,
): string | null {
  let cut = Math.min(text.length, Math.max(1, Math.floor(maxChars)));
  let cutAtLine = false;
  let breaks = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < cut; i = text.indexOf('\n', i + 1)) {
    if (++breaks === maxLines) {
      cut = i;
      cutAtLine = true;
      break;
    }
  }
  if (cut >= text.length || onlyWhitespaceFrom(text, cut)) return null;
  if (!cutAtLine) cut = friendlyCut(text, cut);
  return text.slice(0, cut).trimEnd();
}

function onlyWhitespaceFrom(text: string, start: number): boolean {
  const nonSpace = /\s*\S/y;
  nonSpace.lastIndex = start;
  return !nonSpace.test(text);
}

/** Back up from a hard cut to a line break or a space, never splitting a surrogate pair. */
function friendlyCut(text: string, cut: number): number {
  const floor = Math.floor(cut / 2);
  const lineBreak = text.lastIndexOf('\n', cut);
  if (lineBreak > floor) return lineBreak;
  const space = Math.max(text.lastIndexOf(' ', cut), text.lastIndexOf('\t', cut));
  if (space > floor) return space;
  const last = text.charCodeAt(cut - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut - 1 : cut;
}
