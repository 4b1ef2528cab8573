import { describe, expect, it } from 'vitest';
import { nativeConnection } from '../db/testing/node-shards';
import { errorPosition, firstKeyword, refusalReason } from './console-statement';

/** DuckDB's own message for `sql`, from native DuckDB (the same parser and binder as the WASM build). */
async function duckdbError(sql: string): Promise<string> {
  const conn = await nativeConnection();
  await conn.run('CREATE TABLE conversations AS SELECT 1 AS turn, 2 AS model_rank');
  try {
    await conn.run(sql);
  } catch (e) {
    return (e as Error).message;
  } finally {
    conn.closeSync();
  }
  throw new Error(`expected an error from ${sql}`);
}

describe('firstKeyword', () => {
  it('skips whitespace and both comment styles', () => {
    expect(firstKeyword('  -- a note\n /* block\n */ select 1')).toBe('SELECT');
    expect(firstKeyword('\n\twith a as (select 1) select * from a')).toBe('WITH');
    expect(firstKeyword('-- only a comment')).toBe('');
  });
});

describe('refusalReason', () => {
  it('lets reads through', () => {
    for (const sql of [
      'SELECT 1',
      'WITH a AS (SELECT 1) SELECT * FROM a',
      'DESCRIBE conversations',
      'SUMMARIZE conversations',
      'FROM conversations LIMIT 3',
    ]) {
      expect(refusalReason(sql), sql).toBeNull();
    }
  });

  it('refuses statements a rollback cannot undo, even behind comments', () => {
    for (const sql of [
      'SET threads = 4',
      "/* x */ ATTACH 'a.db'",
      '-- y\nINSTALL httpfs',
      'load json',
      'COMMIT',
      'PRAGMA enable_profiling',
      "COPY conversations TO 'x.csv'",
    ]) {
      expect(refusalReason(sql), sql).toMatch(/read-only/);
    }
  });

  it('says when there is nothing to run', () => {
    expect(refusalReason('  -- nothing\n')).toBe('The query is empty.');
  });
});

describe('errorPosition', () => {
  it('points at the token of a parser error', async () => {
    const sql = 'SELECT * FORM conversations';
    const position = errorPosition(await duckdbError(sql), sql);
    expect(position).toEqual({ line: 1, column: 15, offset: 14 });
    expect(sql.slice(position!.offset)).toBe('conversations');
  });

  it('points into the right line of a multi-line query', async () => {
    const sql = 'SELECT turn,\n  nope FROM conversations';
    const position = errorPosition(await duckdbError(sql), sql);
    expect(position).toMatchObject({ line: 2, column: 3 });
    expect(sql.slice(position!.offset, position!.offset + 4)).toBe('nope');
  });

  it('finds the position in a long line DuckDB shows as a window', async () => {
    const sql = `SELECT ${'turn, '.repeat(40)}missing_column FROM conversations`;
    const position = errorPosition(await duckdbError(sql), sql);
    expect(sql.slice(position!.offset, position!.offset + 14)).toBe('missing_column');
  });

  it('is null for messages without a position', () => {
    expect(errorPosition('Out of Memory Error: could not allocate', 'SELECT 1')).toBeNull();
  });
});
