import { describe, expect, it } from 'vitest';
import { planIndexedSearch } from './text-query';
import { forEachTerm, JOINED } from './text-tokens';
import { foldText } from './text-fold';

const plan = (text: string, options: { regex?: boolean; wholeWord?: boolean } = {}) =>
  planIndexedSearch({ text, regex: options.regex ?? false, wholeWord: options.wholeWord ?? false });
const terms = (text: string) => {
  const out: string[] = [];
  forEachTerm(foldText(text), (t) => out.push(t));
  return out;
};

describe('forEachTerm', () => {
  it('gives words, bigrams of spaceless scripts, and marks parts joined to them', () => {
    expect(terms('Hello, WORLD_1 — привет! x2')).toEqual(['hello', 'world_1', 'привет', 'x2']);
    expect(terms('我们学习 中 한국어')).toEqual(['我们', '们学', '学习', '中', '한국', '국어']);
    expect(terms('act学习ok')).toEqual([`act${JOINED}`, '学习', `ok${JOINED}`]);
    expect(terms('e\u0301t\u00e9')).toEqual(['e\u0301té']);
  });
});

describe('planIndexedSearch', () => {
  it('answers a whole word that is the whole query from its list alone', () => {
    expect(plan('Python', { wholeWord: true })).toEqual({
      use: 'index',
      conditions: [{ kind: 'term', term: 'python' }],
      exact: true,
    });
  });

  it('narrows phrases by their bounded words, prefixes and bigrams, and verifies', () => {
    expect(plan('of course')).toEqual({
      use: 'index',
      conditions: [{ kind: 'prefix', prefix: 'course' }],
      exact: false,
    });
    expect(plan('the cover letter', { wholeWord: true })).toMatchObject({
      conditions: [
        { kind: 'term', term: 'the' },
        { kind: 'term', term: 'cover' },
        { kind: 'term', term: 'letter' },
      ],
      exact: false,
    });
    expect(plan(' SQL window')).toMatchObject({
      conditions: [
        { kind: 'term', term: 'sql' },
        { kind: 'prefix', prefix: 'window' },
      ],
    });
    expect(plan('人工智能')).toMatchObject({
      conditions: ['人工', '工智', '智能'].map((term) => ({ kind: 'term', term })),
      exact: false,
    });
    expect(plan('x act学 y')).toMatchObject({
      conditions: [
        { kind: 'term', term: `act${JOINED}` },
        { kind: 'term', term: '学' },
        { kind: 'prefix', prefix: 'y' },
      ],
    });
    expect(plan('学习', { wholeWord: true })).toMatchObject({ exact: false });
  });

  it('looks for a piece of a word in every term, and answers from them when it is the query', () => {
    const piece = (p: string) => ({ conditions: [{ kind: 'contains', piece: p }] });
    expect(plan('ING')).toEqual({ use: 'index', ...piece('ing'), exact: true });
    expect(plan('学')).toEqual({ use: 'index', ...piece('学'), exact: true });
    expect(plan('学习')).toMatchObject({
      conditions: [{ kind: 'term', term: '学习' }],
      exact: true,
    });
    expect(plan('学习中')).toMatchObject({ exact: false });
    expect(plan('ing.')).toMatchObject({ ...piece('ing'), exact: false });
    // A piece only when nothing narrower is known: `of` may end any word here, `course` begins one.
    expect(plan('of course')).toMatchObject({ conditions: [{ kind: 'prefix', prefix: 'course' }] });
  });

  it('falls back to the scan, saying why, where the index cannot narrow', () => {
    expect(plan('e.g.')).toMatchObject({ use: 'index' });
    expect(plan('...')).toMatchObject({
      use: 'scan',
      reason: expect.stringContaining('no letters'),
    });
    expect(plan('\\d{4}-\\d{2}', { regex: true })).toMatchObject({
      use: 'scan',
      reason: expect.stringContaining('regular expression has no literal'),
    });
  });
});

describe('regular expressions', () => {
  it('are narrowed by the literal text every match holds, and always verified', () => {
    expect(plan('climate (change|crisis)', { regex: true })).toEqual({
      use: 'index',
      conditions: [{ kind: 'contains', piece: 'climate' }],
      exact: false,
    });
    expect(plan('import \\w+_\\w+', { regex: true })).toMatchObject({
      conditions: [{ kind: 'contains', piece: 'import' }],
    });
    expect(plan('\\d+年', { regex: true })).toMatchObject({
      conditions: [{ kind: 'contains', piece: '年' }],
    });
    expect(plan('the cat|dog', { regex: true })).toMatchObject({ use: 'scan' });
  });
});
