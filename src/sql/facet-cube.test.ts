import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '../model/filters';
import {
  buildCreateScoreCube,
  buildReadCube,
  buildReadSubsetCube,
  CUBE_DIMENSIONS,
} from './facet-cube';
import { cubeAnswers } from '../model/stored-subset';
import type { CategoryId } from '../model/moderation';

const search = { text: 'python', scope: 'all', regex: false, wholeWord: false } as const;

describe('which filter states the pre-aggregated counts answer', () => {
  it.each<[string, Filters, boolean]>([
    ['no filter', EMPTY_FILTERS, true],
    [
      'columns of the cube',
      {
        ...EMPTY_FILTERS,
        models: ['a'],
        turns: { min: 37 },
        flagged: 'none',
        redacted: true,
        toxic: false,
        countries: ['X'],
        categories: ['hate'],
      },
      true,
    ],
    ['a search still scanning (narrows nothing yet)', { ...EMPTY_FILTERS, search }, true],
    ['a completed search', { ...EMPTY_FILTERS, search, searchHits: 3 }, false],
    ['a console query not yet run', { ...EMPTY_FILTERS, idQuery: 'SELECT 1' }, true],
    ['a console query with stored ids', { ...EMPTY_FILTERS, idQuery: 'SELECT 1', idSet: 2 }, false],
    ['a minimum score', { ...EMPTY_FILTERS, minScores: { hate: 0.5 } }, false],
  ])('%s', (_, filters, answers) => {
    expect(cubeAnswers(filters)).toBe(answers);
  });

  it.each<[string, Filters, boolean]>([
    ['a completed search', { ...EMPTY_FILTERS, search, searchHits: 3 }, true],
    [
      'the same with cube columns',
      { ...EMPTY_FILTERS, models: ['a'], search, searchHits: 3 },
      true,
    ],
    ['no search', EMPTY_FILTERS, false],
    ['a search still scanning', { ...EMPTY_FILTERS, search }, false],
    ['stored ids', { ...EMPTY_FILTERS, idQuery: 'SELECT 1', idSet: 2 }, true],
    [
      'a completed search and stored ids',
      { ...EMPTY_FILTERS, search, searchHits: 3, idQuery: 'SELECT 1', idSet: 2 },
      true,
    ],
    [
      'a completed search and a minimum score',
      { ...EMPTY_FILTERS, search, searchHits: 3, minScores: { hate: 0.5 } },
      false,
    ],
  ])('a cube of a stored subset answers: %s', (_, filters, answers) => {
    expect(cubeAnswers(filters, 'subset')).toBe(answers);
  });

  it('make a subset cube only of a stored subset, with both conditions when both are stored', () => {
    expect(() => buildReadSubsetCube({ searchHits: undefined, idSet: undefined })).toThrow(
      /stored subset/,
    );
    expect(buildReadSubsetCube({ searchHits: 3, idSet: 2 }).params).toEqual([3, 2]);
    expect(buildReadSubsetCube({ searchHits: undefined, idSet: 2 }).params).toEqual([2]);
  });

  it('group by every column a filter reads except the scores', () => {
    expect(CUBE_DIMENSIONS).toEqual(expect.arrayContaining(['model', 'turn', 'country', 'toxic']));
    expect(CUBE_DIMENSIONS.some((c) => c.startsWith('max_'))).toBe(false);
  });

  it('refuse a score category outside the closed list', () => {
    const hostile = 'x"; DROP TABLE t; --' as CategoryId;
    expect(() => buildCreateScoreCube(hostile)).toThrow(/Unknown moderation category/);
    expect(() => buildReadCube(hostile)).toThrow(/Unknown moderation category/);
    expect(() => buildReadSubsetCube({ searchHits: 1, idSet: undefined }, hostile)).toThrow(
      /Unknown moderation category/,
    );
  });
});
