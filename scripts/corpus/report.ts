import { CORPUS_CASES, type CorpusCase, type Opens } from './cases';

/**
 * The corpus table of docs/reliability.md, from the case list itself:
 * `npx tsx scripts/corpus/report.ts` prints it.
 */
export const CORPUS_TESTS = {
  refused:
    'every refused input names the file, the column and what was expected; the open dataset stays',
  opens: 'unusual but valid inputs open with native counts and read right in the viewer',
  hostile: 'script and remote content in a dataset never runs or loads, and shows as text',
} as const;

const code = (s: string) => `\`${s.replaceAll('`', "'").replaceAll('|', '\\|')}\``;
const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

function expected(c: CorpusCase): string {
  if (c.outcome.kind === 'refused')
    return `refused: alert names the file and says ${c.outcome.mentions.map(code).join(', ')}`;
  const o: Opens = c.outcome;
  const parts = ['opens; count = native DuckDB'];
  const f = o.first;
  if (f?.messages === 0) parts.push('viewer: "This conversation has no messages."');
  else if (f?.messages !== undefined) parts.push(`viewer: ${f.messages} messages`);
  else if (f) parts.push('viewer: first conversation opens');
  if (f?.noModeration) parts.push(`messages ${f.noModeration.join(', ')}: "no moderation data"`);
  if (f?.flagged) parts.push(`flagged: message ${f.flagged.join(', ')}`);
  if (f?.notFlagged) parts.push(`not flagged: message ${f.notFlagged.join(', ')}`);
  if (f?.scores)
    parts.push(
      `scores shown: ${Object.entries(f.scores)
        .map(([k, v]) => `${k} ${code(v)}`)
        .join(', ')}`,
    );
  if (f?.showAll)
    parts.push(`collapsed behind "Show all (${f.showAll.characters} characters)", then plain text`);
  if (f?.autoDirection) parts.push('text blocks have `dir="auto"`');
  if (f?.shows && !f.hostile) parts.push('text shown exactly as stored');
  if (f?.hostile)
    parts.push(
      'markup shown as text; no script/img/iframe/svg/style/form in the DOM; only http(s)/mailto links, `rel=noopener`; nothing runs (`__xss` tripwire), no request to evil.example',
    );
  if (o.facet)
    parts.push(
      `${o.facet.group} facet lists all ${o.facet.values}; find + check narrows to native count`,
    );
  if (o.filterModel) parts.push('Model filter by it: count = native');
  if (o.sharedId)
    parts.push(
      'both listed and counted; a click or Enter on the second opens it (its model, text, flag), highlighted, URL `cn=2`; reload keeps it; no `cn`: the first, with a note',
    );
  return parts.join('; ');
}

/** The test that checks a case, by its key in CORPUS_TESTS. */
export function testOf(c: CorpusCase): keyof typeof CORPUS_TESTS {
  if (c.outcome.kind === 'refused') return 'refused';
  return c.outcome.first?.hostile ? 'hostile' : 'opens';
}

export function corpusTable(): string {
  const rows = CORPUS_CASES.map(
    (c, i) =>
      `| ${i + 1} | ${code(c.id)} | ${cell(c.about)} | ${cell(expected(c))} | ${testOf(c)} |`,
  );
  return ['| # | case | input | expected outcome | test |', '|---|---|---|---|---|', ...rows].join(
    '\n',
  );
}

if (process.argv[1]?.endsWith('report.ts')) console.log(corpusTable());
