import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ParquetFile } from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDataset } from '../testing/scripts';
import { searchPattern } from '../../model/search-pattern';
import { type SearchSpec } from '../../model/search-spec';
import { quoteString } from '../../sql/quote';
import { scanSearchBatch, searchMatcher, textLeaves, type SearchSnippet } from './search-scan';
import { NO_OPTIONAL_COLUMNS } from '../build/schema-adapter';
import {
  nativeConnection,
  nativeRows,
  openNodeShard,
  readRowGroup,
  withRowGroupViews,
  type NodeShard,
} from '../testing/node-shards';

interface Message {
  content: string | null;
  role: string | null;
}
type Conversation = (Message | null)[] | null;

const spec = (text: string, options: Partial<SearchSpec> = {}): SearchSpec => ({
  text,
  scope: 'all',
  regex: false,
  wholeWord: false,
  ...options,
});

function compile(s: SearchSpec): RegExp {
  const built = searchPattern(s);
  if ('error' in built) throw new Error(built.error);
  return built.pattern;
}

/** How the scan finds candidates: by the anchor where the search has one, or by every message. */
type Path = 'anchored' | 'every message';
const PATHS: Path[] = ['anchored', 'every message'];

/** The worker's path: parquet-wasm reads each row group's text leaves, the matcher walks its Arrow in place. */
async function scanShards(
  paths: string[],
  s: SearchSpec,
  { snippetLimit = 1000, open = openNodeShard, path: scanPath = 'anchored' as Path } = {},
) {
  const built = searchMatcher(s);
  if ('error' in built) throw new Error(built.error);
  const matcher = scanPath === 'anchored' ? built : { ...built, anchor: null };
  const rows: number[] = [];
  const snippets: SearchSnippet[] = [];
  let firstRow = 0;
  for (const path of paths) {
    const shard = await open(path);
    for (const [rowGroup, groupRows] of shard.rowGroups.entries()) {
      const leaves = textLeaves(shard.columns.conversationLeaves, s.scope);
      withRowGroupViews(shard, rowGroup, leaves, (table) => {
        let batchRow = firstRow;
        for (const batch of table.batches) {
          const hits = scanSearchBatch(batch, matcher, s.scope, batchRow, snippetLimit);
          rows.push(...hits.rows);
          snippets.push(...hits.snippets);
          batchRow += batch.numRows;
        }
      });
      firstRow += groupRows;
    }
  }
  return { rows, snippets };
}

/** An independent path: native DuckDB reads the conversations, plain TS tests every message. */
async function nativeConversations(conn: DuckDBConnection, paths: string[]) {
  const out: Conversation[] = [];
  for (const path of paths) {
    const rows = await nativeRows(
      conn,
      `SELECT conversation FROM read_parquet(${quoteString(path)}, file_row_number = true) ORDER BY file_row_number`,
    );
    for (const r of rows) out.push(r.conversation as Conversation);
  }
  return out;
}

function bruteForce(conversations: Conversation[], s: SearchSpec): number[] {
  const pattern = compile(s);
  const inScope = (m: Message | null): m is Message =>
    m !== null && m.content !== null && (s.scope === 'all' || m.role === s.scope);
  return conversations.flatMap((c, row) =>
    c?.some((m) => inScope(m) && pattern.test(m.content!)) ? [row] : [],
  );
}

describe('the search matcher on generated shards', () => {
  let dir: string;
  let paths: string[];
  let conn: DuckDBConnection;
  let conversations: Conversation[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-search-'));
    const { files } = await generateDataset({
      rows: 3_000,
      shards: 2,
      seed: 5,
      outDir: dir,
      rowGroupSize: 700,
    });
    paths = files.map((f) => f.path);
    conn = await nativeConnection();
    conversations = await nativeConversations(conn, paths);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const specs = [
    spec('lighthouse'),
    spec('LIGHTHOUSE', { scope: 'user' }),
    spec('lighthouse', { scope: 'assistant' }),
    spec('the', { wholeWord: true }),
    spec('the', { wholeWord: true, scope: 'user' }),
    spec('photo\\w+|marathon', { regex: true }),
    spec('^(Sure|Certainly)[.!]', { regex: true, scope: 'assistant' }),
    spec('привет'),
    spec('Python script'),
    spec('no such text anywhere'),
  ];
  it.each(PATHS.flatMap((path) => specs.map((s) => [path, s] as const)))(
    'finds exactly the conversations a brute-force match finds (%s): %j',
    async (path, s) => {
      const { rows } = await scanShards(paths, s, { path });
      expect(rows).toEqual(bruteForce(conversations, s));
    },
  );

  it('exercises the scopes: a word can match in one role and not the other', async () => {
    const all = (await scanShards(paths, spec('lighthouse'))).rows;
    const user = (await scanShards(paths, spec('lighthouse', { scope: 'user' }))).rows;
    const assistant = (await scanShards(paths, spec('lighthouse', { scope: 'assistant' }))).rows;
    expect(all.length).toBeGreaterThan(20);
    expect(all.length).toBeLessThan(3_000);
    expect(new Set([...user, ...assistant])).toEqual(new Set(all));
    expect(user).not.toEqual(assistant);
  });

  it('agrees with native DuckDB regexp_matches on a case-insensitive word', async () => {
    const [{ n }] = (await nativeRows(
      conn,
      `SELECT count(*)::INTEGER AS n FROM read_parquet([${paths.map(quoteString).join(', ')}])
       WHERE len(list_filter(conversation, m -> regexp_matches(m.content, '(?i)lighthouse'))) > 0`,
    )) as [{ n: number }];
    expect((await scanShards(paths, spec('Lighthouse'))).rows).toHaveLength(n);
  });

  it('cuts a snippet around the first match of the first matching message', async () => {
    const s = spec('marathon');
    const pattern = compile(s);
    const { rows, snippets } = await scanShards(paths, s);
    expect(snippets.map((x) => x.row)).toEqual(rows);
    expect((await scanShards(paths, s, { path: 'every message' })).snippets).toEqual(snippets);
    for (const snippet of snippets.slice(0, 50)) {
      const message = conversations[snippet.row]![snippet.message]!;
      expect(snippet.match.toLowerCase()).toBe('marathon');
      const text = (snippet.before + snippet.match + snippet.after).replace(/^…|…$/g, '');
      expect(message.content).toContain(text);
      const first = conversations[snippet.row]!.findIndex(
        (m) => m?.content && pattern.test(m.content),
      );
      expect(snippet.message).toBe(first);
    }
  });

  it('makes at most the snippets asked for', async () => {
    const { rows, snippets } = await scanShards(paths, spec('the'), { snippetLimit: 3 });
    expect(rows.length).toBeGreaterThan(100);
    // Per batch: three snippets at most from each of the row groups' batches.
    expect(snippets.length).toBeLessThanOrEqual(3 * 6);
  });
});

/** A shard holding only `conversation`: the schema check wants every column, the scan does not. */
async function openTextOnlyShard(path: string): Promise<NodeShard> {
  const bytes = readFileSync(path);
  const file = await ParquetFile.fromFile(new Blob([bytes]));
  const groups = file.metadata().rowGroups();
  const leaves = groups[0]!.columns().map((c) => c.columnPath().join('.'));
  return {
    path,
    bytes,
    columns: {
      shape: 'lmsys',
      metadataLeaves: [],
      conversationLeaves: leaves,
      hasRedacted: false,
      present: NO_OPTIONAL_COLUMNS,
      signature: [],
    },
    rowGroups: groups.map((g) => g.numRows()),
  };
}

describe('the search matcher on crafted rows', () => {
  let dir: string;
  let path: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-search-edge-'));
    path = join(dir, 'edge.parquet');
    const conn = await nativeConnection();
    const m = (content: string | null, role: string | null) =>
      `{'content': ${content === null ? 'NULL' : quoteString(content)}, 'role': ${role === null ? 'NULL' : quoteString(role)}}`;
    const rows = [
      `[${m("it's 100% O'Brien", 'user')}, ${m('fine', 'assistant')}]`,
      `[${m('back\\slash and a_b', 'assistant')}]`,
      `[${m('ÉCOLE et Οδυσσεύς', 'user')}, ${m(null, 'user')}]`,
      `NULL`,
      `[]`,
      `[${m('1000 percent, axb', 'system')}, ${m('emoji 🚀 rocket', null)}]`,
      `[NULL, ${m("100% sure, it's", 'assistant')}]`,
      // Case partners outside ASCII: the Kelvin sign matches k, the long s matches s.
      `[${m('\u212Aelvin \u017Fcale', 'user')}]`,
      // The anchor spans two messages (no match there), then a message holds the word.
      `[${m('a light', 'user')}, ${m('house here', 'user')}, ${m('lighthouses', 'user')}]`,
      `[${m('lighthouses', 'assistant')}, ${m('the Lighthouse.', 'user')}]`,
    ];
    await conn.run(
      `COPY (SELECT * FROM (VALUES ${rows.map((r) => `(${r})`).join(', ')}) t(conversation))
       TO ${quoteString(path)} (FORMAT parquet)`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [spec("it's"), [0, 6]],
    [spec("it's", { scope: 'user' }), [0]],
    [spec('100%'), [0, 6]],
    [spec('a_b'), [1]],
    [spec('back\\slash'), [1]],
    [spec('école'), [2]],
    [spec('ΟΔΥΣΣΕΎΣ'), [2]],
    [spec('🚀'), [5]],
    [spec('🚀', { scope: 'user' }), []],
    [spec('percent'), [5]],
    [spec('percent', { scope: 'user' }), []],
    [spec('percent', { scope: 'assistant' }), []],
    [spec('.', { regex: true, scope: 'assistant' }), [0, 1, 6, 9]],
    [spec('KELVIN SCALE'), [7]],
    [spec('lighthouse'), [8, 9]],
    [spec('lighthouse', { wholeWord: true }), [9]],
    [spec('lighthouse', { wholeWord: true, scope: 'assistant' }), []],
  ])('matches %j literally in rows %j, with nulls and odd roles', async (s, expected) => {
    for (const scanPath of PATHS) {
      const { rows } = await scanShards([path], s, { open: openTextOnlyShard, path: scanPath });
      expect(rows, scanPath).toEqual(expected);
    }
  });

  it('decodes only the messages holding the anchor', async () => {
    const shard = await openTextOnlyShard(path);
    const [batch] = readRowGroup(shard, 0, shard.columns.conversationLeaves).batches;
    const built = searchMatcher(spec('percent'));
    if ('error' in built) throw new Error(built.error);
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    try {
      expect(scanSearchBatch(batch!, built, 'all', 0, 10).rows).toEqual([5]);
      expect(decode).toHaveBeenCalledTimes(1);
      decode.mockClear();
      expect(scanSearchBatch(batch!, { ...built, anchor: null }, 'all', 0, 10).rows).toEqual([5]);
      expect(decode.mock.calls.length).toBeGreaterThan(10);
    } finally {
      decode.mockRestore();
    }
  });

  it('finds the same rows in a slice of a batch, whose offsets do not start at 0', async () => {
    const shard = await openTextOnlyShard(path);
    const [batch] = readRowGroup(shard, 0, shard.columns.conversationLeaves).batches;
    for (const s of [spec('lighthouse'), spec('100%'), spec('KELVIN SCALE')]) {
      const built = searchMatcher(s);
      if ('error' in built) throw new Error(built.error);
      const sliced = batch!.slice(2, 10);
      const anchored = scanSearchBatch(sliced, built, s.scope, 2, 10).rows;
      const every = scanSearchBatch(sliced, { ...built, anchor: null }, s.scope, 2, 10).rows;
      expect(anchored, s.text).toEqual(every);
      expect(every, s.text).toEqual(
        scanSearchBatch(batch!, built, s.scope, 0, 10).rows.filter((r) => r >= 2),
      );
    }
  });

  it("snips the first message that matches, past one holding the word's anchor only", async () => {
    const s = spec('lighthouse', { wholeWord: true });
    const { snippets } = await scanShards([path], s, { open: openTextOnlyShard });
    expect(snippets).toEqual([
      { row: 9, message: 1, before: 'the ', match: 'Lighthouse', after: '.' },
    ]);
  });
});
