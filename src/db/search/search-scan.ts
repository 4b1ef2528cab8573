import type { Data, RecordBatch } from 'apache-arrow';
import { searchPattern } from '../../model/search-pattern';
import { type SearchScope, type SearchSpec } from '../../model/search-spec';
import { isValid, structChild } from '../worker/arrow-buffers';
import { findAnchor, searchAnchor, type SearchAnchor } from './search-anchor';

/** Characters of context kept on each side of a hit's first match. */
const SNIPPET_CONTEXT = 60;

/** Where a conversation first matched, with a little text around it for the hits list. */
export interface SearchSnippet {
  row: number;
  /** Index of the message within the conversation. */
  message: number;
  before: string;
  match: string;
  after: string;
}

export interface BatchHits {
  /** Global `row` of every matching conversation, ascending. */
  rows: number[];
  snippets: SearchSnippet[];
}

/**
 * The `conversation` leaves a search in `scope` reads: content, and role unless every message is in
 * scope (the list offsets come with the content leaf; skipping role saves about a third of the read).
 */
export function textLeaves(conversationLeaves: string[], scope: SearchScope): string[] {
  return conversationLeaves.filter(
    (leaf) => leaf.startsWith('conversation.') && (scope !== 'all' || !leaf.endsWith('.role')),
  );
}

const U = 'u'.charCodeAt(0);
const A = 'a'.charCodeAt(0);
const decoder = new TextDecoder();

/** A search's compiled forms: the regular expression decides, the anchor (if any) pre-selects. */
export interface SearchMatcher {
  pattern: RegExp;
  anchor: SearchAnchor | null;
}

/** The matcher for `spec`, or the reason its pattern is invalid. */
export function searchMatcher(spec: SearchSpec): SearchMatcher | { error: string } {
  const built = searchPattern(spec);
  return 'error' in built ? built : { pattern: built.pattern, anchor: searchAnchor(spec) };
}

/** The batch's `conversation` buffers: list offsets, then each message's content and role. */
interface TextBatch {
  list: Data;
  messages: Data;
  content: Data;
  role: Data | undefined;
  listOffsets: Int32Array;
  textOffsets: Int32Array;
  textBytes: Uint8Array;
}

function textBatch(batch: RecordBatch, scope: SearchScope): TextBatch | null {
  const list = batch.getChild('conversation')?.data[0];
  const messages = list?.children[0];
  const content = messages && structChild(messages, 'content');
  if (!list || !messages || !content) return null;
  const role = scope === 'all' ? undefined : structChild(messages, 'role');
  if (scope !== 'all' && !role) return null;
  return {
    list,
    messages,
    content,
    role,
    listOffsets: list.valueOffsets as Int32Array,
    textOffsets: content.valueOffsets as Int32Array,
    textBytes: content.values as Uint8Array,
  };
}

/**
 * The conversations of one record batch (projected `conversation.content` and `.role` leaves) with
 * a message in `scope` matching the search. Roles are compared on their bytes and only messages in
 * scope are decoded, one string at a time: no object per message, and a conversation stops at its
 * first match. With an anchor, only messages holding it are decoded. `firstRow` is the global `row`
 * of the batch's first row; `snippetLimit` caps the snippets made (they cost a second match).
 * With `keep`, only the rows it accepts are tested (the text index's candidates).
 */
export function scanSearchBatch(
  batch: RecordBatch,
  matcher: SearchMatcher,
  scope: SearchScope,
  firstRow: number,
  snippetLimit: number,
  keep?: (row: number) => boolean,
): BatchHits {
  const hits: BatchHits = { rows: [], snippets: [] };
  const text = textBatch(batch, scope);
  if (!text) return hits;
  /** Whether message `m` of row `r` is in scope and matches; records the hit if so. */
  const test = (r: number, m: number): boolean => {
    if (keep && !keep(firstRow + r)) return false;
    if (text.role && !roleIs(text.role, m, scope)) return false;
    if (!isValid(text.messages, m) || !isValid(text.content, m)) return false;
    const { textOffsets } = text;
    const message = decoder.decode(text.textBytes.subarray(textOffsets[m]!, textOffsets[m + 1]!));
    if (!matcher.pattern.test(message)) return false;
    const row = firstRow + r;
    hits.rows.push(row);
    if (hits.snippets.length < snippetLimit) {
      hits.snippets.push(snippet(message, matcher.pattern, row, m - text.listOffsets[r]!));
    }
    return true;
  };
  if (matcher.anchor) scanAnchored(text, batch.numRows, matcher.anchor, test);
  else scanEvery(text, batch.numRows, test, keep && ((r) => keep(firstRow + r)));
  return hits;
}

/** Tests every message of every conversation, in order, until each conversation's first match. */
function scanEvery(
  text: TextBatch,
  rows: number,
  test: (r: number, m: number) => boolean,
  keep?: (r: number) => boolean,
) {
  const { list, listOffsets } = text;
  for (let r = 0; r < rows; r++) {
    if (!isValid(list, r) || (keep && !keep(r))) continue;
    const end = listOffsets[r + 1]!;
    for (let m = listOffsets[r]!; m < end && !test(r, m); m++);
  }
}

/**
 * Tests only the messages holding the anchor, found in the batch's text bytes in one pass. The
 * occurrences come in message order, so a conversation's first match is still the one found.
 */
function scanAnchored(
  text: TextBatch,
  rows: number,
  anchor: SearchAnchor,
  test: (r: number, m: number) => boolean,
) {
  const { list, listOffsets, textOffsets, textBytes } = text;
  const end = textOffsets[listOffsets[rows]!]!;
  let at = textOffsets[listOffsets[0]!]!;
  while ((at = findAnchor(textBytes, at, end, anchor)) >= 0) {
    const m = lastAtOrBefore(textOffsets, at, listOffsets[0]!, listOffsets[rows]!);
    const messageEnd = textOffsets[m + 1]!;
    if (at + anchor.bytes.length > messageEnd) {
      at++; // Spans two messages: not a match in either.
      continue;
    }
    const r = lastAtOrBefore(listOffsets, m, 0, rows);
    if (isValid(list, r) && test(r, m)) at = textOffsets[listOffsets[r + 1]!]!;
    else at = messageEnd;
  }
}

/**
 * The last index `i` in [from, to) with `offsets[i] <= value`, for ascending `offsets`: the
 * message holding a byte, or the conversation holding a message (empty ones before it skipped).
 */
function lastAtOrBefore(offsets: Int32Array, value: number, from: number, to: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function snippet(text: string, pattern: RegExp, row: number, message: number): SearchSnippet {
  const found = pattern.exec(text);
  const at = found?.index ?? 0;
  const length = found?.[0].length ?? 0;
  const from = safeCut(text, Math.max(0, at - SNIPPET_CONTEXT));
  const to = safeCut(text, Math.min(text.length, at + length + SNIPPET_CONTEXT));
  return {
    row,
    message,
    before: (from > 0 ? '…' : '') + text.slice(from, at),
    match: text.slice(at, at + length),
    after: text.slice(at + length, to) + (to < text.length ? '…' : ''),
  };
}

/** Moves a cut point off the second half of a surrogate pair, so no half character is shown. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}

/** The role of message `m` is `scope` ('user' or 'assistant'), compared on bytes. */
function roleIs(role: Data, m: number, scope: SearchScope): boolean {
  if (!isValid(role, m)) return false;
  const offsets = role.valueOffsets as Int32Array;
  const bytes = role.values as Uint8Array;
  const from = offsets[m]!;
  const length = offsets[m + 1]! - from;
  const word = scope === 'user' ? 'user' : 'assistant';
  if (length !== word.length || bytes[from] !== (scope === 'user' ? U : A)) return false;
  for (let i = 1; i < length; i++) if (bytes[from + i] !== word.charCodeAt(i)) return false;
  return true;
}
