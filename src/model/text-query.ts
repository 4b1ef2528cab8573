import type { SearchSpec } from './search-spec';
import { foldText } from './text-fold';
import { hasSpaceless, JOINED, runParts, spacelessTerms, wordRuns } from './text-tokens';

/**
 * What a search needs of the text index (issue 24): every condition must hold for a conversation
 * to match. A `term` condition is one term's lists; a `prefix` condition the union of the lists of
 * every term that starts with it. Conditions only narrow: candidates still go through the matcher,
 * unless the plan is `exact` (the candidates are the matches).
 */
export type IndexCondition = { kind: 'term'; term: string } | { kind: 'prefix'; prefix: string };

export type IndexPlan =
  { use: 'index'; conditions: IndexCondition[]; exact: boolean } | { use: 'scan'; reason: string };

/**
 * The index's part in a search for `spec`: which terms it must read, or why it cannot narrow the
 * search. Terms come from the folded query as the index made them from the text: a word run that
 * the query bounds on both sides (by a non-word character, or by whole word at its ends) is a term;
 * bounded only at its start, a prefix; open at its start (it may end a longer word), nothing yet.
 */
export function planIndexedSearch(
  spec: Pick<SearchSpec, 'text' | 'regex' | 'wholeWord'>,
): IndexPlan {
  if (spec.regex)
    return { use: 'scan', reason: 'regular expressions are matched against all the text' };
  const folded = foldText(spec.text);
  const runs = wordRuns(folded);
  const conditions: IndexCondition[] = [];
  for (const run of runs) {
    const openStart = run.start === 0 && !spec.wholeWord;
    const openEnd = run.end === folded.length && !spec.wholeWord;
    const parts = runParts(run.text);
    parts.forEach((part, i) => {
      const first = i === 0;
      const last = i === parts.length - 1;
      const boundedStart = !first || !openStart;
      const boundedEnd = !last || !openEnd;
      if (part.spaceless) {
        // A character alone is a term only where nothing spaceless can touch it in the text;
        // elsewhere it may be half of a bigram.
        const terms = spacelessTerms(part.text);
        if (Array.from(part.text).length > 1 || (boundedStart && boundedEnd))
          for (const term of terms) conditions.push({ kind: 'term', term });
        return;
      }
      if (!boundedStart) return;
      const joined = parts.length > 1;
      if (!boundedEnd) conditions.push({ kind: 'prefix', prefix: part.text });
      else conditions.push({ kind: 'term', term: joined ? part.text + JOINED : part.text });
    });
  }
  if (conditions.length === 0)
    return {
      use: 'scan',
      reason:
        runs.length === 0
          ? `“${spec.text}” holds no letters or digits, and the index knows only words`
          : `“${spec.text}” may lie inside longer words, and the index finds words by their beginning`,
    };
  // A whole word that is the whole query is a term's lists exactly: nothing to verify.
  const exact =
    spec.wholeWord &&
    runs.length === 1 &&
    runs[0]!.text.length === folded.length &&
    !hasSpaceless(folded);
  return { use: 'index', conditions: dedupe(conditions), exact };
}

function dedupe(conditions: IndexCondition[]): IndexCondition[] {
  const seen = new Set<string>();
  return conditions.filter((c) => {
    const key = c.kind === 'term' ? `t${c.term}` : `p${c.prefix}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
