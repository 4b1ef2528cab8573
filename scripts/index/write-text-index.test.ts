import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../generator/generate-dataset';
import { parseSidecarManifest, type TextIndexEntry } from '../../src/db/build/sidecar';
import {
  BLOCK_TERMS,
  ByteReader,
  LIST_ROLES,
  readDir,
  readList,
  readVocabBlock,
  TEXT_INDEX_FILES,
} from '../../src/db/text-index/format';
import { foldText } from '../../src/model/text-fold';
import { forEachTerm } from '../../src/model/text-tokens';
import { quoteString } from '../../src/sql/quote';
import { parseIndexArgs } from './args';
import { writeSidecar } from './write-sidecar';
import { writeTextIndex } from './write-text-index';

type Lists = [number[], number[], number[]];
interface Message {
  content: string | null;
  role: string | null;
}

/** Each row's messages, read the app's way (parquet-wasm, Arrow), not the writer's (DuckDB). */
function messagesOf(path: string): (Message[] | null)[] {
  const table = tableFromIPC(
    readParquet(readFileSync(path), { columns: ['conversation'] }).intoIPCStream(),
  );
  const column = table.getChild('conversation')!;
  return Array.from({ length: table.numRows }, (_, i) => {
    const list = column.get(i) as { toArray(): { toJSON(): Message }[] } | null;
    return list && list.toArray().map((m) => m.toJSON());
  });
}

/** The index by brute force: every message folded and split, its row added to its role's list. */
function bruteForce(paths: string[]): Map<string, Lists> {
  const index = new Map<string, Lists>();
  let offset = 0;
  for (const path of paths) {
    const rows = messagesOf(path);
    rows.forEach((messages, shardRow) => {
      for (const { content, role } of messages ?? []) {
        if (content === null) continue;
        const list = role === 'user' ? 0 : role === 'assistant' ? 1 : 2;
        forEachTerm(foldText(content), (term) => {
          let lists = index.get(term);
          if (!lists) index.set(term, (lists = [[], [], []]));
          if (lists[list].at(-1) !== offset + shardRow) lists[list].push(offset + shardRow);
        });
      }
    });
    offset += rows.length;
  }
  return index;
}

/** The three files decoded completely with the format's readers, checking their structure. */
function decode(
  dir: string,
  entry: TextIndexEntry,
): { terms: string[]; index: Map<string, Lists> } {
  const read = (key: keyof typeof TEXT_INDEX_FILES) => {
    const path = join(dir, TEXT_INDEX_FILES[key]);
    expect(entry.files[key]).toEqual({ file: TEXT_INDEX_FILES[key], bytes: statSync(path).size });
    expect(existsSync(`${path}.partial`)).toBe(false);
    return readFileSync(path);
  };
  const blocks = readDir(read('dir'));
  const vocab = read('vocab');
  const postings = read('postings');
  expect(blocks.vocabOffsets.at(-1)).toBe(vocab.length);
  expect(blocks.postingsOffsets.at(-1)).toBe(postings.length);
  const terms: string[] = [];
  const index = new Map<string, Lists>();
  blocks.firstTerms.forEach((first, b) => {
    const block = readVocabBlock(
      vocab.subarray(blocks.vocabOffsets[b], blocks.vocabOffsets[b + 1]),
    );
    const lists = postings.subarray(blocks.postingsOffsets[b], blocks.postingsOffsets[b + 1]);
    expect(block.terms[0]).toBe(first);
    expect(block.terms.length).toBeGreaterThan(0);
    expect(block.terms.length).toBeLessThanOrEqual(BLOCK_TERMS);
    expect(block.offsets.at(-1)).toBe(lists.length);
    block.terms.forEach((term, t) => {
      const input = new ByteReader(lists, block.offsets[t]);
      const decoded = LIST_ROLES.map(() => {
        const rows: number[] = [];
        readList(input, (row) => rows.push(row));
        return rows;
      });
      expect(input.at).toBe(block.offsets[t + 1]);
      terms.push(term);
      index.set(term, decoded as Lists);
    });
  });
  return { terms, index };
}

/** A shard of odd cases: other roles, null roles and contents, empty and null conversations. */
async function oddShard(path: string): Promise<void> {
  const message = (content: string | null, role: string | null) =>
    `{'content': ${content === null ? 'NULL' : quoteString(content)}, 'role': ${role === null ? 'NULL' : quoteString(role)}}`;
  const rows = [
    [message('System PROMPT: ΣΊΣΥΦΟΣ σ ς İ ı', 'system'), message(null, 'user')],
    [message('act学 学act 学习 😀 𠀀𠀁', null), message('the THE the', 'tool')],
    [],
    null,
    [message('the user', 'user'), message('The assistant', 'assistant')],
    [message('constructor toString __proto__', 'constructor')],
  ].map((r) =>
    r === null ? 'NULL' : `[${r.join(', ')}]::STRUCT(content VARCHAR, role VARCHAR)[]`,
  );
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(
    `COPY (SELECT conversation FROM (VALUES ${rows.map((r) => `(${r})`).join(', ')}) t(conversation))
     TO ${quoteString(path)} (FORMAT parquet, ROW_GROUP_SIZE 2)`,
  );
  conn.closeSync();
  db.closeSync();
}

describe('npm run index: the text index', () => {
  let dir: string;
  let paths: string[];
  let shards: { path: string; rows: number }[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-text-index-'));
    const { files } = await generateDataset({
      rows: 2_000,
      shards: 2,
      seed: 11,
      outDir: join(dir, 'shards'),
      rowGroupSize: 300,
    });
    const odd = join(dir, 'odd.parquet');
    await oddShard(odd);
    // The odd shard between the generated ones: its rows' numbers start after the first shard's.
    shards = [
      { path: files[0]!.path, rows: files[0]!.rows },
      { path: odd, rows: 6 },
      { path: files[1]!.path, rows: files[1]!.rows },
    ];
    paths = shards.map((s) => s.path);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds, per term in order, exactly the rows of each role that have the term', async () => {
    const out = join(dir, 'three');
    // Three workers: the cuts fall inside shards.
    const entry = await writeTextIndex({ shards, outDir: out, threads: 3 });
    const { terms, index } = decode(out, entry);
    for (let i = 1; i < terms.length; i++) expect(terms[i - 1]! < terms[i]!).toBe(true);
    const expected = bruteForce(paths);
    expect(index.size).toBe(expected.size);
    expect(index).toEqual(expected);
    expect(entry).toMatchObject({ format: 1, rows: 2_006, terms: expected.size });
    // The data covers what it should: non-Latin scripts, every list, empty lists.
    for (const term of ['学习', 'act\u0001', 'климата', 'σίσυφοσ', 'the', 'constructor'])
      expect(index.has(term), term).toBe(true);
    expect(index.get('the')!.map((rows) => rows.length > 0)).toEqual([true, true, true]);
    expect(index.get('σίσυφοσ')).toEqual([[], [], [shards[0]!.rows]]);
  });

  it('writes the same files whatever the number of workers', async () => {
    const bytes = async (threads: number) => {
      const out = join(dir, `threads-${threads}`);
      await writeTextIndex({ shards, outDir: out, threads });
      return Object.values(TEXT_INDEX_FILES).map((f) => readFileSync(join(out, f)));
    };
    const one = await bytes(1);
    expect(await bytes(4)).toEqual(one);
  });

  it('writes an empty index of no rows, and no file when a worker fails', async () => {
    const empty = join(dir, 'empty');
    const entry = await writeTextIndex({ shards: [{ path: paths[1]!, rows: 0 }], outDir: empty });
    expect(entry).toMatchObject({ rows: 0, terms: 0 });
    expect(decode(empty, entry).terms).toEqual([]);

    const failed = join(dir, 'failed');
    const missing = { path: join(dir, 'missing.parquet'), rows: 10 };
    await expect(
      writeTextIndex({ shards: [shards[0]!, missing], outDir: failed, threads: 2 }),
    ).rejects.toThrow(/missing\.parquet/);
    expect(existsSync(failed) ? readdirSync(failed) : []).toEqual([]);
  });

  it('is named in the manifest unless --no-text-index', async () => {
    const generated = [paths[0]!, paths[2]!];
    const out = join(dir, 'sidecar');
    const result = await writeSidecar({ shards: generated, outDir: out, threads: 2 });
    const manifest = parseSidecarManifest(JSON.parse(readFileSync(result.manifestPath, 'utf8')));
    if ('problem' in manifest) throw new Error(manifest.problem);
    const entry = manifest.textIndex!;
    expect(entry.rows).toBe(2_000);
    expect(decode(out, entry).index).toEqual(bruteForce(generated));
    expect(result.textIndex).toMatchObject({ workers: 2, postings: expect.any(Number) });

    expect(parseIndexArgs(['a.parquet', '--out', 'x']).textIndex).toBe(true);
    const args = parseIndexArgs(['a.parquet', '--no-text-index', '--out', 'x']);
    expect(args.textIndex).toBe(false);
    const without = join(dir, 'sidecar-only');
    const plain = await writeSidecar({ shards: generated, outDir: without, textIndex: false });
    expect(plain.manifest.textIndex).toBeUndefined();
    expect(JSON.parse(readFileSync(plain.manifestPath, 'utf8'))).not.toHaveProperty('textIndex');
    for (const file of Object.values(TEXT_INDEX_FILES))
      expect(existsSync(join(without, file))).toBe(false);
  });
});
