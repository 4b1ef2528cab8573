/**
 * Template pools for one language. Slots, filled in SQL: `{T}` the conversation's topic, `{N1}` and
 * `{N2}` redacted names (only in `named*` pools), `{n}` a small number, `{y}` a year, `{U}` a harmless example.com link.
 */
export interface TextPack {
  /** Between the sentences of a paragraph ('' for scripts written without spaces). */
  joiner: string;
  topics: string[];
  prompts: string[];
  namedPrompts: string[];
  followUps: string[];
  openers: string[];
  namedOpeners: string[];
  sentences: string[];
  items: string[];
  headings: string[];
  /** Exactly three column titles for markdown tables. */
  tableHeader: [string, string, string];
  linkLines: string[];
  attachIntros: string[];
  closers: string[];
}
