/** Which messages of a conversation a text search looks at. */
export const SEARCH_SCOPES = ['all', 'user', 'assistant'] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];

/** What the user asked for: the URL's `q`, `qscope`, `qre` and `qword` (docs/url-state.md). */
export interface SearchSpec {
  text: string;
  scope: SearchScope;
  regex: boolean;
  wholeWord: boolean;
}
