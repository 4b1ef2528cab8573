import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { foldMismatches, foldString, tokenize } from './text-index-study/fold';
import { parseStudyArgs } from './text-index-study/args';
import { PostingStats } from './text-index-study/postings';
import {
  QUERIES,
  queryPattern,
  rarestOf,
  satisfies,
  trigramKeys,
  wordConditions,
  type Condition,
} from './text-index-study/queries';
import { report, type Study } from './text-index-study/report';

/**
 * Issue 24's measurement: how big a trigram index and a word index of realistic conversations
 * would be, and what each would read per query. Reads the shards natively (DuckDB), folds and
 * tokenises every message, and counts posting-list sizes as it goes (postings.ts) instead of
 * building either index. True matches are checked with the app's own matcher on every candidate
 * of either design, and on every conversation of the first --verify-rows (which finds any match
 * an index would miss).
 * Options: text-index-study/args.ts.
 */
const { rows, verifyRows, dir, out, plan } = parseStudyArgs(process.argv.slice(2));
const RAREST = 3;
/** Rows per row group of the hub shards: the unit the app's verification reads. */
const GROUP_ROWS = 1000;

const SCOPES = ['all', 'user', 'assistant'] as const;
type Scope = (typeof SCOPES)[number];
const scopedStats = () =>
  Object.fromEntries(SCOPES.map((s) => [s, new PostingStats()])) as Record<Scope, PostingStats>;

// Trigram design: a direct table from 24-bit key to a dense term id.
const trigramId = new Int32Array(1 << 24).fill(-1);
let trigramTerms = 0;
const tri = scopedStats();
// Both designs also at row-group granularity: a posting per (term, row group).
const triGroups = new PostingStats();
const wordGroups = new PostingStats();
const trigramOf = (key: number): number => {
  let id = trigramId[key]!;
  if (id < 0) id = trigramId[key] = trigramTerms++;
  return id;
};

// Word design: the vocabulary in order of first sight; per word, which query conditions it meets.
const vocab = new Map<string, number>();
const words: string[] = [];
const word = scopedStats();
const conditions: Condition[] = [];
const conditionIndex = new Map<string, number>();
const queries = QUERIES.map((q) => {
  const conds = wordConditions(q).map((c) => {
    const key = `${c.kind}:${c.token}`;
    if (!conditionIndex.has(key)) conditionIndex.set(key, conditions.push(c) - 1);
    return conditionIndex.get(key)!;
  });
  return { q, pattern: queryPattern(q), trigrams: trigramKeys(q).map(trigramOf), conds };
});
const planned = plan
  ? (JSON.parse(await readFile(plan, 'utf8')) as { perQuery: { trigramCounts: number[] }[] })
  : undefined;
const rarest = queries.map((x, i) =>
  rarestOf(x.trigrams, planned?.perQuery[i]?.trigramCounts, RAREST),
);
const W = Math.max(1, Math.ceil(conditions.length / 32));
let wordMasks = new Uint32Array(1024 * W);
const queryMasks = queries.map((x) => {
  const mask = new Uint32Array(W);
  for (const c of x.conds) mask[c >>> 5]! |= 1 << (c & 31);
  return mask;
});

const counts = queries.map(() => ({
  truth: 0,
  triCandidates: 0,
  rareCandidates: 0,
  wordCandidates: 0,
  missed: 0,
}));
/** Per query, row groups holding a true match / a candidate of each design: what verify reads. */
const groupsTouched = queries.map(() => ({ truth: 0, tri: 0, rare: 0, word: 0, grp: 0 }));
const lastGroup = queries.map(() => ({ truth: -1, tri: -1, rare: -1, word: -1, grp: -1 }));
type Touched = keyof (typeof groupsTouched)[number];
const touch = (i: number, kind: Touched, group: number) => {
  if (lastGroup[i]![kind] === group) return;
  lastGroup[i]![kind] = group;
  groupsTouched[i]![kind]++;
};
const triPerDoc = new Int32Array(rows);
const wordPerDoc = new Int32Array(rows);
const checkpoints: Study['checkpoints'] = [];
const time = { read: 0, fold: 0, trigrams: 0, words: 0, verify: 0 };
const encoder = new TextEncoder();
let bytes = new Uint8Array(1 << 16);
let textBytes = 0;
let messages = 0;

// Per conversation, reset by endDoc.
const docMask = new Uint32Array(W);
const docText: string[] = [];
let docs = 0;

function addMessage(doc: number, group: number, role: string, content: string): void {
  const scope: Scope | undefined =
    role === 'user' ? 'user' : role === 'assistant' ? 'assistant' : undefined;
  docText.push(content);
  messages++;
  let t = performance.now();
  const folded = foldString(content);
  if (bytes.length < folded.length * 3) bytes = new Uint8Array(folded.length * 3);
  const n = encoder.encodeInto(folded, bytes).written;
  textBytes += n;
  let t2 = performance.now();
  time.fold += t2 - t;
  t = t2;
  // Byte trigrams of the folded UTF-8, never across two messages.
  let key = 0;
  for (let i = 0; i < n; i++) {
    key = ((key << 8) | bytes[i]!) & 0xffffff;
    if (i < 2) continue;
    const id = trigramOf(key);
    if (tri.all.add(id, doc)) {
      triPerDoc[doc]!++;
      triGroups.add(id, group);
    }
    if (scope) tri[scope].add(id, doc);
  }
  t2 = performance.now();
  time.trigrams += t2 - t;
  t = t2;
  tokenize(folded, (token) => {
    let id = vocab.get(token);
    if (id === undefined) id = newWord(token);
    if (word.all.add(id, doc)) {
      wordPerDoc[doc]!++;
      wordGroups.add(id, group);
      for (let k = 0; k < W; k++) docMask[k]! |= wordMasks[id * W + k]!;
    }
    if (scope) word[scope].add(id, doc);
  });
  time.words += performance.now() - t;
}

function newWord(token: string): number {
  const id = words.push(token) - 1;
  vocab.set(token, id);
  if ((id + 1) * W > wordMasks.length) {
    const next = new Uint32Array(wordMasks.length * 2);
    next.set(wordMasks);
    wordMasks = next;
  }
  for (let c = 0; c < conditions.length; c++)
    if (satisfies(token, conditions[c]!)) wordMasks[id * W + (c >>> 5)]! |= 1 << (c & 31);
  return id;
}

/** Candidates of each design for conversation `doc`, and the truth wherever either says maybe. */
function endDoc(doc: number, group: number): void {
  const t = performance.now();
  queries.forEach((x, i) => {
    const c = counts[i]!;
    const triCandidate = x.trigrams.every((id) => tri.all.seenIn(id, doc));
    const mask = queryMasks[i]!;
    let wordCandidate = true;
    for (let k = 0; k < W; k++)
      if ((docMask[k]! & mask[k]!) >>> 0 !== mask[k]) wordCandidate = false;
    const rareCandidate = rarest[i]!.every((id) => tri.all.seenIn(id, doc));
    // Row-group postings: the group is a candidate once all trigrams were seen in it.
    if (x.trigrams.every((id) => triGroups.seenIn(id, group))) touch(i, 'grp', group);
    if (triCandidate) {
      c.triCandidates++;
      touch(i, 'tri', group);
    }
    if (rareCandidate) {
      c.rareCandidates++;
      touch(i, 'rare', group);
    }
    if (wordCandidate) {
      c.wordCandidates++;
      touch(i, 'word', group);
    }
    if (!triCandidate && !wordCandidate && docs >= verifyRows) return;
    if (!docText.some((text) => x.pattern.test(text))) return;
    c.truth++;
    touch(i, 'truth', group);
    if (!triCandidate || !wordCandidate) c.missed++;
  });
  docMask.fill(0);
  docText.length = 0;
  docs++;
  time.verify += performance.now() - t;
  if (rows >= 16 && [16, 8, 4, 2].some((d) => docs === Math.floor(rows / d)))
    checkpoints.push({ docs, trigramTerms, vocabulary: vocab.size });
}

const started = performance.now();
const mismatches = foldMismatches();
const files = (await readdir(dir)).filter((f) => f.endsWith('.parquet')).sort();
const perFile = Math.ceil(rows / files.length);
let sampledGroups = 0;
const db = await DuckDBInstance.create(':memory:', { threads: '1' });
const conn = await db.connect();
for (const [fi, file] of files.entries()) {
  const take = Math.min(perFile, rows - fi * perFile);
  if (take <= 0) break;
  sampledGroups += Math.ceil(take / GROUP_ROWS);
  const path = join(dir, file).replaceAll("'", "''");
  // One row per message in file order; `r` numbers its conversation within the file.
  const result = await conn.stream(
    `SELECT r, m.role AS role, m.content AS content FROM (
       SELECT file_row_number AS r, unnest(conversation) AS m FROM (
         SELECT file_row_number, conversation FROM read_parquet('${path}', file_row_number = true)
         LIMIT ${take}))`,
  );
  const base = fi * perFile;
  // Row group numbers as in the full shards (each file starts at a new group).
  const groupBase = fi * Math.ceil(166_667 / GROUP_ROWS);
  const groupOf = (doc: number) => groupBase + Math.floor((doc - base) / GROUP_ROWS);
  let current = base - 1;
  for (;;) {
    const t = performance.now();
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const [rs, roles, contents] = chunk.getColumns() as [
      bigint[],
      (string | null)[],
      (string | null)[],
    ];
    time.read += performance.now() - t;
    for (let i = 0; i < chunk.rowCount; i++) {
      const doc = base + Number(rs[i]!);
      // Conversations without messages have no rows: they still count, as empty ones.
      while (current < doc) {
        if (current >= base) endDoc(current, groupOf(current));
        current++;
      }
      const content = contents[i];
      if (content != null) addMessage(doc, groupOf(doc), roles[i] ?? '', content);
    }
  }
  while (current < base + take) {
    if (current >= base) endDoc(current, groupOf(current));
    current++;
  }
  console.error(
    `${file}: ${docs} conversations, ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}
conn.closeSync();

const study: Study = {
  rows: docs,
  messages,
  textBytes,
  foldMismatches: mismatches,
  seconds: {
    ...(Object.fromEntries(Object.entries(time).map(([k, ms]) => [k, ms / 1000])) as typeof time),
    total: (performance.now() - started) / 1000,
  },
  checkpoints: [...checkpoints, { docs, trigramTerms, vocabulary: vocab.size }],
  trigram: {
    perDoc: triPerDoc.subarray(0, docs),
    totals: Object.fromEntries(SCOPES.map((s) => [s, tri[s].finish(trigramTerms, docs)])),
    hybrid: tri.all.hybrid,
  },
  word: {
    perDoc: wordPerDoc.subarray(0, docs),
    totals: Object.fromEntries(SCOPES.map((s) => [s, word[s].finish(words.length, docs)])),
    hybrid: word.all.hybrid,
  },
  words,
  wordMasks,
  conditions,
  groups: {
    count: sampledGroups,
    trigram: triGroups.finish(trigramTerms, sampledGroups),
    trigramHybrid: triGroups.hybrid,
    word: wordGroups.finish(words.length, sampledGroups),
  },
  queries: queries.map((x, i) => ({
    ...x,
    ...counts[i]!,
    rarest: rarest[i]!,
    groups: groupsTouched[i]!,
    trigramCounts: x.trigrams.map((id) => tri.all.count(id)),
  })),
};
const summary = report(study);
if (out) await writeFile(out, `${JSON.stringify(summary, null, 1)}\n`);
