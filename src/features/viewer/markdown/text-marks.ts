/** LMSYS replaces personal names with NAME_1, NAME_2, ... */
const REDACTION = /\bNAME_\d+\b/g;

export const REDACTION_TITLE = 'Redacted name placeholder';
export const REDACTION_CLASS =
  'rounded-sm bg-violet-100 px-0.5 font-mono text-[0.9em] text-violet-900 ring-1 ring-violet-300';
export const SEARCH_MATCH_CLASS = 'rounded-sm bg-amber-300 text-slate-950';

export type PlainPiece = { kind: 'text' | 'match'; text: string };
/** A run of a text node: plain, a search match, or a redaction (which may hold matches). */
export type TextPiece = PlainPiece | { kind: 'redaction'; children: PlainPiece[] };

/** Marks of each kind per message: a common word in a 2 MB paste would make 100,000s of elements. */
export const MARKS_PER_MESSAGE = 1000;

/** What is left to mark in one message; `markText` spends it. */
export interface MarkBudget {
  redactions: number;
  matches: number;
  /** Set once a search match is left unmarked for want of budget. */
  matchesCut: boolean;
}

export function newMarkBudget(): MarkBudget {
  return { redactions: MARKS_PER_MESSAGE, matches: MARKS_PER_MESSAGE, matchesCut: false };
}

export interface MarkOptions {
  redact: boolean;
  /** A global regex from `toGlobalRegExp`; its lastIndex is reset here. */
  search: RegExp | null;
  budget: MarkBudget;
}

/** A global, non-sticky copy: the caller's regex keeps its own lastIndex and flags. */
export function toGlobalRegExp(pattern: RegExp | null | undefined): RegExp | null {
  if (!pattern) return null;
  return new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}g`);
}

/**
 * Splits one text node into plain runs, search matches and redactions; null when nothing matches.
 * Both are found on the whole text first, so a match may straddle a redaction's edge (it is then
 * split into two marks) and the text of the pieces always joins back to `value`.
 */
export function markText(value: string, options: MarkOptions): TextPiece[] | null {
  const { budget } = options;
  const redactions = options.redact ? findRanges(value, REDACTION, budget.redactions).ranges : [];
  const found = options.search ? findRanges(value, options.search, budget.matches) : NOTHING;
  const matches = found.ranges;
  budget.redactions -= redactions.length;
  budget.matches -= matches.length;
  if (found.cut) budget.matchesCut = true;
  if (redactions.length === 0 && matches.length === 0) return null;

  const edges = [0, value.length, ...redactions.flat(), ...matches.flat()];
  const bounds = [...new Set(edges)].sort((a, b) => a - b);
  const pieces: TextPiece[] = [];
  let redaction = 0;
  let match = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i] as number;
    const end = bounds[i + 1] as number;
    while (redaction < redactions.length && (redactions[redaction] as Range)[1] <= start)
      redaction++;
    while (match < matches.length && (matches[match] as Range)[1] <= start) match++;
    const piece: PlainPiece = {
      kind: covers(matches[match], start) ? 'match' : 'text',
      text: value.slice(start, end),
    };
    if (!covers(redactions[redaction], start)) {
      pieces.push(piece);
      continue;
    }
    const previous = pieces.at(-1);
    // A redaction split by a match edge continues the same mark.
    if (previous?.kind === 'redaction' && start > (redactions[redaction] as Range)[0])
      previous.children.push(piece);
    else pieces.push({ kind: 'redaction', children: [piece] });
  }
  return pieces;
}

type Range = [start: number, end: number];
const NOTHING = { ranges: [] as Range[], cut: false };

function covers(range: Range | undefined, position: number): boolean {
  return range !== undefined && range[0] <= position && position < range[1];
}

/**
 * Up to `limit` non-empty matches, and whether more were left (`cut`). After an empty match (`a*`
 * on "b") the search steps one character on, so it always ends.
 */
function findRanges(
  value: string,
  pattern: RegExp,
  limit: number,
): { ranges: Range[]; cut: boolean } {
  const ranges: Range[] = [];
  const unicode = /[uv]/.test(pattern.flags);
  pattern.lastIndex = 0;
  for (let found = pattern.exec(value); found; found = pattern.exec(value)) {
    const end = found.index + found[0].length;
    if (end === found.index) pattern.lastIndex = stepOver(value, end, unicode);
    else if (ranges.length === limit) return { ranges, cut: true };
    else ranges.push([found.index, end]);
  }
  return { ranges, cut: false };
}

function stepOver(value: string, index: number, unicode: boolean): number {
  const code = value.charCodeAt(index);
  return unicode && code >= 0xd800 && code <= 0xdbff ? index + 2 : index + 1;
}
