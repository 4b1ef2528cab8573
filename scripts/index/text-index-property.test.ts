import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanSearchBatch, searchMatcher, textLeaves } from '../../src/db/search/search-scan';
import { TextIndexReader, type ReadRange } from '../../src/db/text-index/text-index-reader';
import {
  nativeConnection,
  nativeRows,
  openNodeShard,
  readRowGroup,
  type NodeShard,
} from '../../src/db/testing/node-shards';
import { SEARCH_SCOPES, type SearchSpec } from '../../src/model/search-spec';
import { planIndexedSearch } from '../../src/model/text-query';
import { quoteString } from '../../src/sql/quote';
import { BENCH_QUERIES, nativeMatchCondition, re2Pattern } from '../bench/search-queries';
import { generateDataset } from '../generator/generate-dataset';
import { writeTextIndex } from './write-text-index';

/**
 * Issue 24's property: on a generated dataset with its index, for 200+ queries in every scope, the
 * indexed search (the index's candidates, verified by the app's scan only in the row groups and
 * rows holding them, or taken as they are when exact) finds the conversations the full scan finds,
 * and both equal native DuckDB's `regexp_matches` over the same text.
 */
let dir: string;
let shards: NodeShard[];
let conn: DuckDBConnection;
let reader: TextIndexReader;
let texts: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'convoscope-text-index-'));
  const { files } = await generateDataset({
    rows: 1_200,
    shards: 2,
    seed: 24,
    outDir: dir,
    rowGroupSize: 300,
  });
  shards = await Promise.all(files.map((f) => openNodeShard(f.path)));
  const entry = await writeTextIndex({
    shards: shards.map((s) => ({ path: s.path, rows: rowsOf(s) })),
    outDir: dir,
  });
  const read: ReadRange = async (url, start, end) =>
    new Uint8Array(await readFile(url)).slice(start, end);
  const urls = Object.fromEntries(
    Object.entries(entry.files).map(([key, f]) => [key, join(dir, f.file)]),
  ) as Record<keyof typeof entry.files, string>;
  reader = new TextIndexReader({ entry, urls }, read);
  conn = await nativeConnection();
  const rows = await nativeRows(
    conn,
    `SELECT m.content AS content FROM (SELECT unnest(conversation) AS m FROM read_parquet([${files.map((f) => quoteString(f.path)).join(', ')}]))
     WHERE m.content IS NOT NULL`,
  );
  texts = rows.map((r) => String(r.content));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each row group's text leaves, decoded once for all the queries (the scan itself is the app's). */
const decoded = new Map<string, Table>();
function textOf(shard: NodeShard, rowGroup: number, leaves: string[]): Table {
  const key = `${shard.path}:${rowGroup}:${leaves.join()}`;
  let table = decoded.get(key);
  if (!table) decoded.set(key, (table = readRowGroup(shard, rowGroup, leaves)));
  return table;
}

/** The app's scan over every row group, or only the candidate rows of the groups holding one. */
function scan(spec: SearchSpec, only?: (row: number) => boolean): number[] {
  const matcher = searchMatcher(spec);
  if ('error' in matcher) throw new Error(matcher.error);
  const rows: number[] = [];
  let firstRow = 0;
  for (const shard of shards) {
    const leaves = textLeaves(shard.columns.conversationLeaves, spec.scope);
    for (const [rowGroup, groupRows] of shard.rowGroups.entries()) {
      const start = firstRow;
      const wanted = !only || Array.from({ length: groupRows }, (_, i) => start + i).some(only);
      if (wanted) {
        let batchRow = start;
        for (const batch of textOf(shard, rowGroup, leaves).batches) {
          rows.push(...scanSearchBatch(batch, matcher, spec.scope, batchRow, 0, only).rows);
          batchRow += batch.numRows;
        }
      }
      firstRow += groupRows;
    }
  }
  return rows;
}

async function native(spec: SearchSpec): Promise<number[]> {
  const out: number[] = [];
  let offset = 0;
  for (const shard of shards) {
    const rows = await nativeRows(
      conn,
      `SELECT file_row_number AS n FROM read_parquet(${quoteString(shard.path)}, file_row_number = true)
       WHERE ${nativeMatchCondition(re2Pattern(spec), spec.scope === 'all' ? undefined : spec.scope)}
       ORDER BY n`,
    );
    for (const r of rows) out.push(offset + Number(r.n));
    offset += rowsOf(shard);
  }
  return out;
}

const rowsOf = (shard: NodeShard) => shard.rowGroups.reduce((sum, n) => sum + n, 0);

/** Rare, common and absent words, pieces across words, punctuation, scripts, cases, regexes. */
function queries(): Omit<SearchSpec, 'scope'>[] {
  let seed = 24;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: Omit<SearchSpec, 'scope'>[] = [...BENCH_QUERIES];
  const add = (text: string) => {
    out.push({ text, regex: false, wholeWord: false }, { text, regex: false, wholeWord: true });
  };
  for (const t of ['Lighthouse', 'LIGHTHOUSE', 'привет', 'ПРИВЕТ', 'Python script', 'ΟΔΟΣ', 'ß'])
    add(t);
  while (out.length < 220) {
    const text = texts[Math.floor(random() * texts.length)]!;
    const start = Math.floor(random() * text.length);
    const piece = text.slice(start, start + 2 + Math.floor(random() * 12)).trim();
    if (piece && !/[\uD800-\uDFFF]/.test(piece)) add(random() < 0.3 ? piece.toUpperCase() : piece);
  }
  for (const text of ['light\\w+', '(Sure|Certainly)[.!]', 'привет \\S+', 'NAME_\\d', '\\d{3}'])
    out.push({ text, regex: true, wholeWord: false }, { text, regex: true, wholeWord: true });
  return out;
}

describe('indexed search on a generated dataset with its index', () => {
  it('finds what the full scan and native DuckDB find, for 200+ queries in every scope', async () => {
    const specs = queries().flatMap((q) => SEARCH_SCOPES.map((scope) => ({ ...q, scope })));
    expect(specs.length).toBeGreaterThanOrEqual(600);
    const used = { exact: 0, verified: 0, scan: 0 };
    for (const spec of specs) {
      const label = JSON.stringify(spec);
      const scanned = scan(spec);
      expect(scanned, label).toEqual(await native(spec));
      const plan = planIndexedSearch(spec);
      const found =
        plan.use === 'index' ? await reader.candidates(plan.conditions, spec.scope) : null;
      if (!found || plan.use !== 'index') {
        used.scan++;
        continue;
      }
      const exact = plan.exact && found.skipped.length === 0;
      used[exact ? 'exact' : 'verified']++;
      const indexed = exact ? found.rows.rows() : scan(spec, (row) => found.rows.has(row));
      expect(indexed, label).toEqual(scanned);
    }
    // The index must have taken part, in both ways, for most queries.
    expect(used.exact).toBeGreaterThan(100);
    expect(used.verified).toBeGreaterThan(200);
  }, 600_000);
});
