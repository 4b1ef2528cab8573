import type { SearchSpec } from './search-spec';
import { foldText } from './text-fold';
import { regexLiterals } from './regex-literals';
import { hasSpaceless, JOINED, runParts, spacelessTerms, wordRuns } from './text-tokens';

/**
 * What a search needs of the text index (issue 24): every condition must hold for a conversation
 * to match. A `term` condition is one term's lists; a `prefix` condition the union of the lists of
 * every term that starts with it, a `contains` condition of every term holding it anywhere (found
 * in the index's word list). Conditions only narrow: candidates still go through the matcher,
 * unless the plan is `exact` (the candidates are the matches).
 */
export type IndexCondition =
  | { kind: 'term'; term: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'contains'; piece: string };

export type IndexPlan =
  { use: 'index'; conditions: IndexCondition[]; exact: boolean } | { use: 'scan'; reason: string };

/**
 * The index's part in a search for `spec`: which terms it must read, or why it cannot narrow the
 * search. Terms come from the folded query as the index made them from the text: a word run that
 * the query bounds on both sides (by a non-word character, or by whole word at its ends) is a term;
 * bounded only at its start, a prefix; open at its start (it may end a longer word), a piece any
 * term may contain, used only when nothing narrower is known (its terms are many).
 */
export function planIndexedSearch(
  spec: Pick<SearchSpec, 'text' | 'regex' | 'wholeWord'>,
): IndexPlan {
  if (spec.regex) return planRegex(spec.text);
  const folded = foldText(spec.text);
  const runs = wordRuns(folded);
  const narrow: IndexCondition[] = [];
  const pieces: IndexCondition[] = [];
  for (const run of runs) {
    const openStart = run.start === 0 && !spec.wholeWord;
    const openEnd = run.end === folded.length && !spec.wholeWord;
    const parts = runParts(run.text);
    parts.forEach((part, i) => {
      const boundedStart = i > 0 || !openStart;
      const boundedEnd = i < parts.length - 1 || !openEnd;
      if (part.spaceless) {
        // A character alone is a term only where nothing spaceless can touch it in the text;
        // elsewhere it may be half of a bigram, and any term holding it will do.
        if (Array.from(part.text).length > 1 || (boundedStart && boundedEnd))
          for (const term of spacelessTerms(part.text)) narrow.push({ kind: 'term', term });
        else pieces.push({ kind: 'contains', piece: part.text });
      } else if (!boundedStart) pieces.push({ kind: 'contains', piece: part.text });
      else if (!boundedEnd) narrow.push({ kind: 'prefix', prefix: part.text });
      else narrow.push({ kind: 'term', term: parts.length > 1 ? part.text + JOINED : part.text });
    });
  }
  const conditions = narrow.length > 0 ? narrow : pieces;
  if (conditions.length === 0)
    return {
      use: 'scan',
      reason: `“${spec.text}” holds no letters or digits, and the index knows only words`,
    };
  return { use: 'index', conditions: dedupe(conditions), exact: isExact(folded, runs, spec) };
}

/**
 * A regular expression narrowed by the literal text every match contains; its candidates are
 * always verified.
 */
function planRegex(source: string): IndexPlan {
  const conditions = regexLiterals(source).flatMap((literal) => {
    const plan = planIndexedSearch({ text: literal, regex: false, wholeWord: false });
    // A one-letter piece (`_` of `\w+_\w+`) is in too many terms to be worth looking for.
    const useful = (c: IndexCondition) =>
      c.kind !== 'contains' || Array.from(c.piece).length > 1 || hasSpaceless(c.piece);
    return plan.use === 'index' ? plan.conditions.filter(useful) : [];
  });
  const narrow = conditions.filter((c) => c.kind !== 'contains');
  if (conditions.length === 0)
    return {
      use: 'scan',
      reason: 'the regular expression has no literal letters or digits the index could look for',
    };
  return {
    use: 'index',
    conditions: dedupe(narrow.length > 0 ? narrow : conditions),
    exact: false,
  };
}

/**
 * Whether the conditions' lists are the answer: the query is one word run and nothing else, and
 * either a whole word (not spaceless: `学习` inside `我学习` is no whole word) or a piece of one:
 * any term holding it, one or two spaceless characters included (a bigram or a character is
 * exactly where it occurs).
 */
function isExact(folded: string, runs: { text: string }[], spec: Pick<SearchSpec, 'wholeWord'>) {
  if (runs.length !== 1 || runs[0]!.text.length !== folded.length) return false;
  const parts = runParts(folded);
  if (parts.length !== 1) return false;
  if (spec.wholeWord) return !parts[0]!.spaceless;
  return !parts[0]!.spaceless || Array.from(folded).length <= 2;
}

function dedupe(conditions: IndexCondition[]): IndexCondition[] {
  const seen = new Set<string>();
  return conditions.filter((c) => {
    const key = JSON.stringify(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
