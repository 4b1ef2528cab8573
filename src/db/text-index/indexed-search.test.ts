import { describe, expect, it } from 'vitest';
import { searchPattern } from '../../model/search-pattern';
import { SEARCH_SCOPES, type SearchScope, type SearchSpec } from '../../model/search-spec';
import { planIndexedSearch } from '../../model/text-query';
import { memoryIndex, type Message } from './testing/memory-index';
import { TextIndexReader } from './text-index-reader';

/** A seeded corpus with what makes folding and tokenising hard, in several scripts and roles. */
function corpus(n: number): Message[][] {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const words = [
    ...'the of and to a in is you that it for python SQL window functions cover letter climate change'.split(
      ' ',
    ),
    ...'Of Course! e.g. (rules) 40.23 NAME_1 ```python import os_path act ACT Act'.split(' '),
    ...'привет Мир языковая модель КЛИМАТА ΟΔΟΣ οδός σας Straße STRASSE İstanbul ıi Işık'.split(
      ' ',
    ),
    ...'人工智能 学习 说明します 기록해 한국어 الصيانة مرحبا act学习 学习ok ǅemal café cafe\u0301'.split(
      ' ',
    ),
    ..."troglepi moctpwia zq ab x2 42 _under score- hyphen-word don't C++ a.b".split(' '),
  ];
  const message = () =>
    Array.from({ length: 1 + Math.floor(random() * 14) }, () => pick(words)).join(
      pick([' ', ' ', ' ', ', ', '\n', '', '. ']),
    );
  return Array.from({ length: n }, () =>
    Array.from({ length: 1 + Math.floor(random() * 5) }, (_, i) => ({
      role: random() < 0.05 ? pick(['system', null]) : i % 2 === 0 ? 'user' : 'assistant',
      content: random() < 0.03 ? null : message(),
    })),
  );
}

const conversations = corpus(700);
const index = await memoryIndex(conversations, 8);
const reader = new TextIndexReader(index.files, index.read);

function inScope(role: string | null, scope: SearchScope) {
  return scope === 'all' || role === scope;
}

function scan(spec: SearchSpec, only?: (row: number) => boolean): number[] {
  const built = searchPattern(spec);
  if ('error' in built) throw new Error(built.error);
  const rows: number[] = [];
  conversations.forEach((messages, row) => {
    if (only && !only(row)) return;
    const hit = messages.some(
      (m) => m.content !== null && inScope(m.role, spec.scope) && built.pattern.test(m.content),
    );
    if (hit) rows.push(row);
  });
  return rows;
}

/** The queries: words as written and in other cases, pieces across words, scripts, regexes. */
function queries(): Omit<SearchSpec, 'scope'>[] {
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const texts = conversations.flat().flatMap((m) => (m.content ? [m.content] : []));
  const out: Omit<SearchSpec, 'scope'>[] = [];
  const plain = (text: string) => {
    out.push({ text, regex: false, wholeWord: false }, { text, regex: false, wholeWord: true });
  };
  for (const t of ['Python', 'PYTHON', 'the', 'Of Course!', 'e.g.', '(rules)', '40.23', 'NAME_1'])
    plain(t);
  for (const t of [
    '```python',
    'act',
    'ACT',
    'Act学习',
    '学习',
    '人工智能',
    '学',
    'ok',
    'ΟΔΟΣ',
    'οδοσ',
  ])
    plain(t);
  for (const t of ['ΣΑΣ', 'strasse', 'STRAẞE', 'istanbul', 'İSTANBUL', 'IŞIK', 'ışık', 'КЛИМАТА'])
    plain(t);
  for (const t of ['языковая модель', 'الصيانة', 'Ǆemal', 'cafe', 'café', 'xylophonequartz', 'zq'])
    plain(t);
  for (const t of ["don't", 'C++', 'a.b', 'score-', '-word', 'ing', 'ab', '42', '...', 'os_p'])
    plain(t);
  while (out.length < 200) {
    const text = texts[Math.floor(random() * texts.length)]!;
    const start = Math.floor(random() * text.length);
    const piece = text.slice(start, start + 2 + Math.floor(random() * 14));
    plain(random() < 0.3 ? piece.toUpperCase() : piece);
  }
  for (const text of [
    'pyth.n',
    'climate (change|crisis)',
    '\\d+\\.\\d+',
    '^the',
    'σ',
    '[а-я]+ модель',
  ])
    out.push({ text, regex: true, wholeWord: false }, { text, regex: true, wholeWord: true });
  return out;
}

describe('indexed search', () => {
  it('gives the scan’s answers for 200+ queries in every scope, reading the index by range', async () => {
    const specs = queries().flatMap((q) => SEARCH_SCOPES.map((scope) => ({ ...q, scope })));
    expect(specs.length).toBeGreaterThanOrEqual(600);
    let indexed = 0;
    let exact = 0;
    for (const spec of specs) {
      const expected = scan(spec);
      const plan = planIndexedSearch(spec);
      if (plan.use === 'scan') continue;
      const found = await reader.candidates(plan.conditions, spec.scope);
      if (!found) continue;
      indexed++;
      const candidates = found.rows.rows();
      // Candidates never miss a match; verified (or exact), they are the matches.
      const missed = expected.filter((row) => !found.rows.has(row));
      if (missed.length > 0)
        expect.fail(`${JSON.stringify(spec)} misses rows ${missed.join(', ')}`);
      if (plan.exact && found.skipped.length === 0) {
        exact++;
        expect(candidates, JSON.stringify(spec)).toEqual(expected);
      } else expect(scan(spec, (row) => found.rows.has(row))).toEqual(expected);
    }
    expect(indexed).toBeGreaterThan(300);
    expect(exact).toBeGreaterThan(60);
  });

  it('reads a term with one range of the vocab and one of the lists, after the dir', async () => {
    const fresh = new TextIndexReader(index.files, index.read);
    index.requests.length = 0;
    await fresh.candidates([{ kind: 'term', term: 'python' }], 'all');
    expect(index.requests.map((r) => r.url)).toEqual(['dir', 'vocab', 'postings']);
    index.requests.length = 0;
    const found = await fresh.candidates([{ kind: 'prefix', prefix: 'c' }], 'user');
    expect(index.requests.map((r) => r.url)).toEqual(['vocab', 'postings']);
    // Words that start with `c`, and parts joined to a spaceless script (`学习cover`).
    const user = (row: number, pattern: RegExp) =>
      conversations[row]!.some((m) => m.role === 'user' && m.content && pattern.test(m.content));
    const rows = conversations.map((_, row) => row);
    expect(
      rows
        .filter((row) => user(row, /(?<![\p{L}\p{N}\p{M}_])c/iu))
        .every((row) => found!.rows.has(row)),
    ).toBe(true);
    expect(found!.rows.rows().every((row) => user(row, /c/iu))).toBe(true);
  });

  it('finds nothing for an absent term, reading no lists', async () => {
    const fresh = new TextIndexReader(index.files, index.read);
    await fresh.candidates([{ kind: 'term', term: 'the' }], 'all');
    index.requests.length = 0;
    const found = await fresh.candidates([{ kind: 'term', term: 'xylophonequartz' }], 'all');
    expect(found!.rows.count()).toBe(0);
    expect(index.requests.map((r) => r.url)).toEqual(['vocab']);
  });
});

describe('a piece of a word', () => {
  it('reads the word list once, then the lists of the terms holding it in merged ranges', async () => {
    const fresh = new TextIndexReader(index.files, index.read);
    index.requests.length = 0;
    const found = await fresh.candidates([{ kind: 'contains', piece: 'ytho' }], 'assistant');
    expect(found!.rows.rows()).toEqual(
      scan({ text: 'ytho', regex: false, wholeWord: false, scope: 'assistant' }),
    );
    await fresh.candidates([{ kind: 'contains', piece: 'ing' }], 'all');
    const urls = index.requests.map((r) => r.url);
    expect(urls.filter((u) => u === 'words')).toHaveLength(1);
    expect(urls.filter((u) => u === 'postings').length).toBeLessThanOrEqual(4);
  });

  it('is left out when its lists would pass the limit', async () => {
    const small = new TextIndexReader(index.files, index.read, 2_000);
    expect(await small.candidates([{ kind: 'contains', piece: 'e' }], 'all')).toBeNull();
    const narrowed = await small.candidates(
      [
        { kind: 'contains', piece: 'e' },
        { kind: 'term', term: 'troglepi' },
      ],
      'all',
    );
    expect(narrowed!.skipped).toEqual([{ kind: 'contains', piece: 'e' }]);
    expect(narrowed!.rows.rows()).toEqual(
      scan({ text: 'troglepi', regex: false, wholeWord: true, scope: 'all' }),
    );
  });
});
