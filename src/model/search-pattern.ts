import type { SearchSpec } from './search-spec';

export type SearchPatternResult = { pattern: RegExp } | { error: string };

/** Letters, digits (any script) and `_`: what a whole word must not touch on either side. */
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}_]';

/**
 * The one matcher for a search, shared by the worker's scan and the viewer's highlighting.
 * Case-insensitive with `iu`: Unicode simple case folding, so `É` finds `é` and `Σ`, `σ` and `ς`
 * all find each other, but a fold that changes length (`ß` against `SS`) does not match.
 * Plain text is escaped (`.`, `*`, `(`, `\` are just characters). Whole word uses lookarounds on
 * Unicode letters and digits instead of `\b`, which knows only ASCII word characters.
 * An invalid regular expression comes back as a readable error, never an exception.
 */
export function searchPattern(
  spec: Pick<SearchSpec, 'text' | 'regex' | 'wholeWord'>,
): SearchPatternResult {
  if (spec.text === '') return { error: 'Type something to search for.' };
  const body = spec.regex ? spec.text : escapeRegExp(spec.text);
  try {
    // Checked alone first: wrapped for whole words, `a[` would close its class on our `]`.
    const alone = new RegExp(body, 'iu');
    if (!spec.wholeWord) return { pattern: alone };
    return { pattern: new RegExp(`(?<!${WORD_CHAR})(?:${body})(?!${WORD_CHAR})`, 'iu') };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Engines prefix the message with the whole pattern; keep only the reason.
    const reason = message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    return { error: `Not a valid regular expression: ${reason}` };
  }
}

/** `text` with every character that means something in a regular expression escaped. */
export function escapeRegExp(text: string): string {
  // Only syntax characters: under the `u` flag escaping anything else (`\-`) is itself an error.
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
