import type { Data, RecordBatch } from 'apache-arrow';
import type { SearchScope } from '../lib/search-pattern';
import { isValid, structChild } from './arrow-buffers';

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

/**
 * The conversations of one record batch (projected `conversation.content` and `.role` leaves) with
 * a message in `scope` matching `pattern`. Roles are compared on their bytes and only messages in
 * scope are decoded, one string at a time: no object per message, and a conversation stops at its
 * first match. `firstRow` is the global `row` of the batch's first row; `snippetLimit` caps the
 * snippets made (they cost a second match).
 */
export function scanSearchBatch(
  batch: RecordBatch,
  pattern: RegExp,
  scope: SearchScope,
  firstRow: number,
  snippetLimit: number,
): BatchHits {
  const hits: BatchHits = { rows: [], snippets: [] };
  const list = batch.getChild('conversation')?.data[0];
  const messages = list?.children[0];
  const content = messages && structChild(messages, 'content');
  if (!list || !messages || !content) return hits;
  const role = scope === 'all' ? undefined : structChild(messages, 'role');
  if (scope !== 'all' && !role) return hits;
  const listOffsets = list.valueOffsets as Int32Array;
  const textOffsets = content.valueOffsets as Int32Array;
  const textBytes = content.values as Uint8Array;

  for (let r = 0; r < batch.numRows; r++) {
    if (!isValid(list, r)) continue;
    const end = listOffsets[r + 1]!;
    for (let m = listOffsets[r]!; m < end; m++) {
      if (role && !roleIs(role, m, scope)) continue;
      if (!isValid(messages, m) || !isValid(content, m)) continue;
      const text = decoder.decode(textBytes.subarray(textOffsets[m]!, textOffsets[m + 1]!));
      if (!pattern.test(text)) continue;
      const row = firstRow + r;
      hits.rows.push(row);
      if (hits.snippets.length < snippetLimit) {
        hits.snippets.push(snippet(text, pattern, row, m - listOffsets[r]!));
      }
      break;
    }
  }
  return hits;
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
