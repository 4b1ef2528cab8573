import { escapeRegExp } from '../../src/model/search-pattern';
import { quoteString } from '../../src/sql/quote';
import type { SearchSpec } from '../../src/model/search-spec';

/**
 * The indexed-search lines' queries (issue 24): rare to very common, whole words, pieces of words,
 * phrases, punctuation, CJK, Cyrillic, Arabic, case variants and regular expressions, with and
 * without literal text; the text-index study's set (docs/text-index-study.md).
 */
export const BENCH_QUERIES: Omit<SearchSpec, 'scope'>[] = [
  ...['the', 'act', 'troglepi'].map((text) => ({ text, regex: false, wholeWord: true })),
  ...[
    'of course',
    'NAME_1',
    'python',
    'SQL window functions',
    'cover letter',
    'climate change and agri',
    'healthy breakfast',
    'synthetic placeholder',
    'Of Course!',
    'ing',
    'moctpwia',
    'xylophonequartz',
    'e.g.',
    '(rules)',
    '40.23',
    '```python',
    'zq',
    'ab',
    '学习',
    '人工智能',
    '説明します',
    '기록해',
    'языковая модель',
    'КЛИМАТА',
    'الصيانة',
  ].map((text) => ({ text, regex: false, wholeWord: false })),
  ...['climate (change|crisis)', 'import \\w+_\\w+', '\\d+年', '\\d{4}-\\d{2}-\\d{2}'].map(
    (text) => ({ text, regex: true, wholeWord: false }),
  ),
];

/** The query as an RE2 pattern for native DuckDB's `regexp_matches`, with the app's meaning. */
export function re2Pattern(spec: Omit<SearchSpec, 'scope'>): string {
  const body = spec.regex ? spec.text : escapeRegExp(spec.text);
  const other = '[^\\pL\\pN\\pM_]';
  return spec.wholeWord ? `(?i)(^|${other})(?:${body})(${other}|$)` : `(?i)${body}`;
}

/**
 * Native DuckDB's condition for a conversation with a message matching an RE2 pattern (in `role`'s
 * messages only, when given): the same search as the app's, for counts to compare with.
 */
export function nativeMatchCondition(re2: string, role?: 'user' | 'assistant'): string {
  const roleCondition = role ? ` AND m.role = ${quoteString(role)}` : '';
  return `len(list_filter(conversation, m -> regexp_matches(m.content, ${quoteString(re2)})${roleCondition})) > 0`;
}

export function queryLabel(spec: Omit<SearchSpec, 'scope'>): string {
  return spec.regex ? `/${spec.text}/` : spec.wholeWord ? `word "${spec.text}"` : `"${spec.text}"`;
}
