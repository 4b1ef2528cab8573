import { gzipSync } from 'node:zlib';
import type { PostingTotals } from './postings';
import { queryLabel, satisfies, type Condition, type StudyQuery } from './queries';

export interface DesignResult {
  /** Distinct terms per conversation. */
  perDoc: Int32Array;
  totals: Record<string, PostingTotals>;
  /** Hybrid bytes of each term's list (scope all). */
  hybrid: Int32Array;
}

export interface Study {
  rows: number;
  messages: number;
  textBytes: number;
  foldMismatches: number;
  seconds: Record<'read' | 'fold' | 'trigrams' | 'words' | 'verify' | 'total', number>;
  checkpoints: { docs: number; trigramTerms: number; vocabulary: number }[];
  trigram: DesignResult;
  word: DesignResult;
  /** Both designs with one posting per (term, row group of 1,000 rows). */
  groups: { count: number; trigram: PostingTotals; trigramHybrid: Int32Array; word: PostingTotals };
  words: string[];
  wordMasks: Uint32Array;
  conditions: Condition[];
  queries: {
    q: StudyQuery;
    trigrams: number[];
    conds: number[];
    truth: number;
    triCandidates: number;
    rareCandidates: number;
    wordCandidates: number;
    missed: number;
    rarest: number[];
    groups: { truth: number; tri: number; rare: number; word: number; grp: number };
    trigramCounts: number[];
  }[];
}

const MB = (n: number) => (n / 1e6).toFixed(1);
const KB = (n: number) => (n / 1e3).toFixed(1);

function percentiles(values: Int32Array) {
  const sorted = Int32Array.from(values).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { mean: Math.round(mean), p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

/** Heaps' law exponent from the last two checkpoints: distinct terms grow as rows^beta. */
function heaps(study: Study, key: 'trigramTerms' | 'vocabulary'): number {
  const c = study.checkpoints;
  if (c.length < 2) return 1;
  const a = c[c.length - 2]!;
  const b = c[c.length - 1]!;
  return Math.log(b[key] / a[key]) / Math.log(b.docs / a.docs);
}

/** Milliseconds of the fastest of `runs` runs of `f`. */
function timeIt(f: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** Prints the study as markdown tables and returns its figures. */
export function report(study: Study) {
  const { rows } = study;
  const scale = (target: number) => target / rows;
  const triTerms = study.trigram.totals.all!.terms;
  const vocabTerms = study.words.length;
  const betaTri = heaps(study, 'trigramTerms');
  const betaWord = heaps(study, 'vocabulary');

  // Dictionaries as files the browser reads: trigrams as sorted 8-byte records (3 key, 5
  // offset); words sorted, newline-separated, beside 5-byte offsets (or front-coded blocks).
  const triDict = triTerms * 8;
  const sortedWords = [...study.words].sort();
  const joined = sortedWords.join('\n');
  const vocabText = Buffer.byteLength(joined);
  const vocabGzip = gzipSync(joined).length;
  const vocabFile = vocabText + 5 * vocabTerms;

  // The substring scan of the whole vocabulary a query's open tokens need, timed in JS two ways.
  const scans = study.conditions
    .filter((c) => c.kind !== 'exact')
    .map((c) => ({
      c,
      // One run of the slow loop at 1M: seconds each, and the order is clear from one.
      loop: timeIt(() => sortedWords.filter((w) => satisfies(w, c)).length, 1),
      indexOf: timeIt(() => {
        let n = 0;
        for (let at = joined.indexOf(c.token); at >= 0; at = joined.indexOf(c.token, at + 1)) n++;
        return n;
      }),
    }));

  console.log(
    `\n## ${rows} conversations, ${study.messages} messages, ${MB(study.textBytes)} MB of folded UTF-8 text`,
  );
  console.log(
    `characters the fold merges into a class iu keeps apart (only adds candidates): ${study.foldMismatches}`,
  );
  console.log(`heaps exponent: trigrams ${betaTri.toFixed(3)}, words ${betaWord.toFixed(3)}`);
  console.log(
    '\n| design | scope | terms | postings | varint MB | roaring MB | hybrid MB | dense % | dense MB |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  const designRows = [
    ...Object.entries(study.trigram.totals).map(([k, t]) => ['trigram', k, t] as const),
    ['trigram', `per row group (${study.groups.count})`, study.groups.trigram] as const,
    ...Object.entries(study.word.totals).map(([k, t]) => ['word', k, t] as const),
    ['word', `per row group (${study.groups.count})`, study.groups.word] as const,
  ];
  for (const [name, scope, t] of designRows) {
    const dense = ((100 * t.densePostings) / Math.max(1, t.postings)).toFixed(1);
    console.log(
      `| ${name} | ${scope} | ${t.terms} | ${t.postings} | ${MB(t.varint)} | ${MB(t.roaring)} | ${MB(t.hybrid)} | ${dense} | ${MB(t.denseHybrid)} |`,
    );
  }
  const tp = percentiles(study.trigram.perDoc);
  const wp = percentiles(study.word.perDoc);
  console.log(
    `\ndistinct per conversation: trigrams ${JSON.stringify(tp)}, words ${JSON.stringify(wp)}`,
  );
  console.log(
    `trigram dictionary ${MB(triDict)} MB; vocabulary ${MB(vocabText)} MB text (${MB(vocabGzip)} MB gzip), file with offsets ${MB(vocabFile)} MB`,
  );
  const ms = scans.map((s) => s.loop).sort((a, b) => a - b);
  const ix = scans.map((s) => s.indexOf).sort((a, b) => a - b);
  console.log(
    `vocabulary scan per token (${scans.length} tokens): filter loop median ${ms[ms.length >> 1]?.toFixed(1)} ms max ${ms.at(-1)?.toFixed(1)} ms; indexOf over joined text median ${ix[ix.length >> 1]?.toFixed(1)} ms max ${ix.at(-1)?.toFixed(1)} ms`,
  );

  console.log(
    '\n| query | true | trigram cand. | trigram KB (lists) | 3 rarest cand. | 3 rarest KB | word cand. | word KB (lists) | row groups true / tri / rare / word | row-group trigram index: groups, KB | missed |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|');
  const W = Math.max(1, Math.ceil(study.conditions.length / 32));
  const listBytes = (ids: number[]) =>
    ids.reduce((a, id) => a + (study.trigram.hybrid[id] ?? 0), 0);
  const perQuery = study.queries.map((x) => {
    let wordBytes = 0;
    let wordLists = 0;
    for (const c of new Set(x.conds))
      for (let id = 0; id < vocabTerms; id++)
        if (study.wordMasks[id * W + (c >>> 5)]! & (1 << (c & 31))) {
          wordBytes += study.word.hybrid[id] ?? 0;
          wordLists++;
        }
    const row = {
      query: queryLabel(x.q),
      truth: x.truth,
      triCandidates: x.triCandidates,
      triBytes: listBytes(x.trigrams),
      triLists: x.trigrams.length,
      rareCandidates: x.rareCandidates,
      rareBytes: listBytes(x.rarest),
      groupBytes: x.trigrams.reduce((a, id) => a + (study.groups.trigramHybrid[id] ?? 0), 0),
      wordCandidates: x.wordCandidates,
      wordBytes,
      wordLists,
      groups: x.groups,
      missed: x.missed,
      trigramCounts: x.trigramCounts,
    };
    const g = x.groups;
    console.log(
      `| ${row.query} | ${row.truth} | ${row.triCandidates} | ${KB(row.triBytes)} (${row.triLists}) | ${row.rareCandidates} | ${KB(row.rareBytes)} | ${row.wordCandidates} | ${KB(wordBytes)} (${wordLists}) | ${g.truth} / ${g.tri} / ${g.rare} / ${g.word} | ${g.grp}, ${KB(row.groupBytes)} | ${row.missed} |`,
    );
    return row;
  });

  const s = study.seconds;
  console.log(
    `\nseconds: ${JSON.stringify(Object.fromEntries(Object.entries(s).map(([k, v]) => [k, +v.toFixed(1)])))}`,
  );
  const projections = [1e6, 5e6].map((target) => {
    const k = scale(target);
    const p = {
      rows: target,
      trigram: {
        terms: Math.round(triTerms * k ** betaTri),
        postings: Math.round(study.trigram.totals.all!.postings * k),
        hybridMB: +MB(study.trigram.totals.all!.hybrid * k),
        dictionaryMB: +MB(triDict * k ** betaTri),
        extractSeconds: Math.round((s.read + s.fold + s.trigrams) * k),
      },
      word: {
        terms: Math.round(vocabTerms * k ** betaWord),
        postings: Math.round(study.word.totals.all!.postings * k),
        hybridMB: +MB(study.word.totals.all!.hybrid * k),
        vocabularyMB: +MB(vocabFile * k ** betaWord),
        vocabularyGzipMB: +MB(vocabGzip * k ** betaWord),
        extractSeconds: Math.round((s.read + s.fold + s.words) * k),
      },
    };
    console.log(`at ${target}: ${JSON.stringify(p)}`);
    return p;
  });
  return {
    rows,
    messages: study.messages,
    textBytes: study.textBytes,
    seconds: s,
    heaps: { trigram: betaTri, word: betaWord },
    trigramPerDoc: tp,
    wordPerDoc: wp,
    totals: {
      trigram: study.trigram.totals,
      word: study.word.totals,
      groups: { count: study.groups.count, trigram: study.groups.trigram, word: study.groups.word },
    },
    dictionaries: { triDict, vocabText, vocabGzip, vocabFile },
    scans: scans.map((x) => ({ ...x.c, loop: x.loop, indexOf: x.indexOf })),
    perQuery,
    projections,
  };
}
