import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS_CASES } from './cases';
import { makeCorpus } from './make-corpus';
import { corpusTable } from './report';

describe('the bad-input corpus', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('has at least 25 cases, each with its own id and files', () => {
    expect(CORPUS_CASES.length).toBeGreaterThanOrEqual(25);
    const ids = CORPUS_CASES.map((c) => c.id);
    const names = CORPUS_CASES.flatMap((c) => c.files.map((f) => f.name));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(names).size).toBe(names.length);
    for (const c of CORPUS_CASES) {
      if (c.outcome.kind === 'refused') expect(c.outcome.mentions.length, c.id).toBeGreaterThan(0);
      for (const f of c.files) expect(!!f.sql !== !!f.bytes, f.name).toBe(true);
    }
  });

  it('writes every file once, and only again when the corpus changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corpus-'));
    dirs.push(dir);
    expect((await makeCorpus(dir)).made).toBe(true);
    expect((await makeCorpus(dir)).made).toBe(false);
    const empty = await readFile(join(dir, 'empty-file.parquet'));
    expect(empty.length).toBe(0);
    const truncated = await readFile(join(dir, 'truncated.parquet'));
    expect(truncated.subarray(0, 4).toString()).toBe('PAR1');
    expect(truncated.subarray(-4).toString()).not.toBe('PAR1');
  });

  it('lists every case in the report table', () => {
    const rows = corpusTable().split('\n').slice(2);
    expect(rows.map((r) => r.split(' | ')[1])).toEqual(CORPUS_CASES.map((c) => `\`${c.id}\``));
  });
});
