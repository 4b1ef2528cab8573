import { searchPattern } from '../../../src/model/search-pattern';
import { foldString, tokenize } from './fold';

/**
 * The study's queries, rare to very common, in the app's three modes. `literals` are what an
 * index may require of a regex (all of them, case folded); a regex with none falls back to the
 * scan. Plain and whole-word searches require their own text.
 */
export interface StudyQuery {
  text: string;
  mode: 'substring' | 'word' | 'regex';
  literals?: string[];
}

export const QUERIES: StudyQuery[] = [
  { text: 'the', mode: 'word' },
  { text: 'of course', mode: 'substring' },
  { text: 'NAME_1', mode: 'substring' },
  { text: 'python', mode: 'substring' },
  { text: 'SQL window functions', mode: 'substring' },
  { text: 'cover letter', mode: 'substring' },
  { text: 'climate change and agri', mode: 'substring' },
  { text: 'healthy breakfast', mode: 'substring' },
  { text: 'synthetic placeholder', mode: 'substring' },
  { text: 'Of Course!', mode: 'substring' },
  { text: 'act', mode: 'word' },
  { text: 'ing', mode: 'substring' },
  { text: 'moctpwia', mode: 'substring' },
  { text: 'troglepi', mode: 'word' },
  { text: 'xylophonequartz', mode: 'substring' },
  { text: 'e.g.', mode: 'substring' },
  { text: '(rules)', mode: 'substring' },
  { text: '40.23', mode: 'substring' },
  { text: '```python', mode: 'substring' },
  { text: 'zq', mode: 'substring' },
  { text: 'ab', mode: 'substring' },
  { text: '学习', mode: 'substring' },
  { text: '人工智能', mode: 'substring' },
  { text: '説明します', mode: 'substring' },
  { text: '기록해', mode: 'substring' },
  { text: 'языковая модель', mode: 'substring' },
  { text: 'КЛИМАТА', mode: 'substring' },
  { text: 'الصيانة', mode: 'substring' },
  { text: 'climate (change|crisis)', mode: 'regex', literals: ['climate '] },
  { text: 'import \\w+_\\w+', mode: 'regex', literals: ['import '] },
  { text: '\\d+年', mode: 'regex', literals: ['年'] },
  { text: '\\d{4}-\\d{2}-\\d{2}', mode: 'regex', literals: [] },
];

export function queryLabel(q: StudyQuery): string {
  return q.mode === 'substring'
    ? `"${q.text}"`
    : q.mode === 'word'
      ? `word "${q.text}"`
      : `/${q.text}/`;
}

export function queryPattern(q: StudyQuery): RegExp {
  const built = searchPattern({
    text: q.text,
    regex: q.mode === 'regex',
    wholeWord: q.mode === 'word',
  });
  if ('error' in built) throw new Error(built.error);
  return built.pattern;
}

export function queryLiterals(q: StudyQuery): string[] {
  return (q.mode === 'regex' ? (q.literals ?? []) : [q.text]).map(foldString);
}

/**
 * What the word index needs of a vocabulary word for a conversation to be a candidate: a token of
 * the literal that touches the literal's edge may extend past it in the text (prefix, suffix,
 * contains), one inside it is a whole token (exact). CJK bigrams are exact wherever they lie; a
 * lone CJK character may sit in any bigram.
 */
export type ConditionKind = 'exact' | 'prefix' | 'suffix' | 'contains';
export interface Condition {
  kind: ConditionKind;
  token: string;
}

export function wordConditions(q: StudyQuery): Condition[] {
  const out: Condition[] = [];
  for (const literal of queryLiterals(q)) {
    tokenize(literal, (token, start, end, cjk) => {
      const openLeft = start === 0 && q.mode !== 'word';
      const openRight = end === literal.length && q.mode !== 'word';
      let kind: ConditionKind;
      if (cjk) kind = [...token].length === 1 ? 'contains' : 'exact';
      else if (openLeft && openRight) kind = 'contains';
      else if (openLeft) kind = 'suffix';
      else if (openRight) kind = 'prefix';
      else kind = 'exact';
      out.push({ kind, token });
    });
  }
  return out;
}

export function satisfies(word: string, c: Condition): boolean {
  switch (c.kind) {
    case 'exact':
      return word === c.token;
    case 'prefix':
      return word.startsWith(c.token);
    case 'suffix':
      return word.endsWith(c.token);
    case 'contains':
      return word.includes(c.token);
  }
}

/** The byte trigrams (UTF-8, 24-bit keys) every match must contain: Code Search's kind. */
export function trigramKeys(q: StudyQuery): number[] {
  const keys = new Set<number>();
  for (const literal of queryLiterals(q)) {
    const bytes = new TextEncoder().encode(literal);
    for (let i = 2; i < bytes.length; i++)
      keys.add((bytes[i - 2]! << 16) | (bytes[i - 1]! << 8) | bytes[i]!);
  }
  return [...keys];
}

/**
 * The `k` of a query's trigram ids with the fewest postings in `counts` (a previous run's, in the
 * same order), as zoekt reads only its rarest trigrams; all of them without counts.
 */
export function rarestOf(ids: number[], counts: number[] | undefined, k: number): number[] {
  if (!counts || counts.length !== ids.length) return ids;
  const order = ids.map((id, i) => ({ id, n: counts[i]! })).sort((a, b) => a.n - b.n);
  return order.slice(0, k).map((o) => o.id);
}
