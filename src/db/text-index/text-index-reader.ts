import type { SearchScope } from '../../model/search-spec';
import type { IndexCondition } from '../../model/text-query';
import type { TextIndexEntry } from '../build/sidecar';
import {
  ByteReader,
  LIST_ROLES,
  readDir,
  readList,
  readVocabBlock,
  readWords,
  type TextIndexDir,
  type WordList,
} from './format';
import { RowSet } from './row-set';
import { byteCounts, listSpans, mergeSpans, termsContaining } from './word-scan';

/** Reads `[start, end)` of a file; the reader never asks for a whole `vocab` or `postings`. */
export type ReadRange = (url: string, start: number, end: number) => Promise<Uint8Array>;

export interface TextIndexFiles {
  entry: TextIndexEntry;
  urls: Record<'dir' | 'vocab' | 'postings' | 'words', string>;
}

/** Past this many bytes of lists, a prefix or piece (`a…`, `e`) is left out: it narrows little. */
export const LISTS_BYTES_LIMIT = 8 << 20;
/** Lists of a piece's terms closer than this are read as one range. */
const MERGE_GAP = 16 << 10;
/** Ranges of a piece's lists in flight at once. */
const PARALLEL_READS = 6;
const ORDER = { term: 0, prefix: 1, contains: 2 } as const;

export interface Candidates {
  rows: RowSet;
  /** Bytes of the index read for them (the dir once per dataset, not counted). */
  bytes: number;
  /** Conditions left out as too broad to be worth their lists. */
  skipped: IndexCondition[];
}

/**
 * One dataset's text index, read by range: the dir once, then per term one read of its vocab block
 * and one of its lists; a prefix reads the blocks it spans and their lists in one range each.
 */
export class TextIndexReader {
  private dir: Promise<TextIndexDir> | undefined;
  private words: Promise<{ list: WordList; counts: Uint32Array }> | undefined;

  constructor(
    readonly files: TextIndexFiles,
    private readonly read: ReadRange,
    private readonly listsBytesLimit = LISTS_BYTES_LIMIT,
  ) {}

  /** Reads the dir ahead (at the user's intent to search); a failure is the search's to report. */
  warm(): void {
    (this.dir ??= this.readDir()).catch(() => {
      this.dir = undefined;
    });
  }

  /**
   * The conversations meeting every condition in `scope`, or null when no condition could be
   * used (each too broad).
   */
  async candidates(conditions: IndexCondition[], scope: SearchScope): Promise<Candidates | null> {
    this.dir ??= this.readDir();
    // A failed read is tried again by the next search.
    const dir = await this.dir.catch((error: unknown) => {
      this.dir = undefined;
      throw error;
    });
    let rows: RowSet | null = null;
    let bytes = 0;
    const skipped: IndexCondition[] = [];
    // Terms first: they are one list each, and an empty one ends the search.
    const ordered = [...conditions].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
    for (const condition of ordered) {
      const found = await this.condition(dir, condition, scope);
      if (!found) {
        skipped.push(condition);
        continue;
      }
      bytes += found.bytes;
      rows = rows ? rows.and(found.rows) : found.rows;
      if (rows.count() === 0) break;
    }
    return rows ? { rows, bytes, skipped } : null;
  }

  private async readDir(): Promise<TextIndexDir> {
    const { dir, vocab, postings } = this.files.entry.files;
    const read = readDir(await this.read(this.files.urls.dir, 0, dir.bytes));
    const blocks = read.firstTerms.length;
    if (
      read.vocabOffsets[blocks] !== vocab.bytes ||
      read.postingsOffsets[blocks] !== postings.bytes
    )
      throw new Error('the text index’s files do not match its manifest');
    return read;
  }

  /** One condition's rows, or null when its lists would be too large to read. */
  private async condition(
    dir: TextIndexDir,
    condition: IndexCondition,
    scope: SearchScope,
  ): Promise<{ rows: RowSet; bytes: number } | null> {
    const rows = new RowSet(this.files.entry.rows);
    const roles = LIST_ROLES.map((role) => scope === 'all' || role === scope);
    /** Adds the rows of consecutive terms' lists (each three lists, one per role). */
    const addLists = (lists: ByteReader) => {
      while (!lists.done)
        for (const wanted of roles) readList(lists, wanted ? (row) => rows.add(row) : () => {});
    };
    if (condition.kind === 'contains') {
      const bytes = await this.containing(dir, condition.piece, addLists);
      return bytes === null ? null : { rows, bytes };
    }
    const from = condition.kind === 'term' ? condition.term : condition.prefix;
    const matches = (term: string) =>
      condition.kind === 'term' ? term === from : term.startsWith(from);
    // The blocks that may hold it: from the last one starting at or before it, while they start
    // with it.
    const first = Math.max(0, upperBound(dir.firstTerms, from) - 1);
    let last = first;
    while (last + 1 < dir.firstTerms.length && matches(dir.firstTerms[last + 1]!)) last++;
    const vocab = await this.read(
      this.files.urls.vocab,
      dir.vocabOffsets[first]!,
      dir.vocabOffsets[last + 1]!,
    );
    // The matching terms are consecutive: one range of lists, from the first to the last.
    let start = -1;
    let end = -1;
    const input = new ByteReader(vocab);
    for (let b = first; b <= last; b++) {
      const size = dir.vocabOffsets[b + 1]! - dir.vocabOffsets[b]!;
      const block = readVocabBlock(input.bytes(size));
      block.terms.forEach((term, i) => {
        if (!matches(term)) return;
        if (start < 0) start = dir.postingsOffsets[b]! + block.offsets[i]!;
        end = dir.postingsOffsets[b]! + block.offsets[i + 1]!;
      });
    }
    if (start < 0) return { rows, bytes: vocab.length };
    if (end - start > this.listsBytesLimit) return null;
    addLists(new ByteReader(await this.read(this.files.urls.postings, start, end)));
    return { rows, bytes: vocab.length + end - start };
  }

  /**
   * Feeds the lists of every term holding `piece` to `add`, read in merged ranges; the bytes
   * read, or null when they would pass the limit.
   */
  private async containing(
    dir: TextIndexDir,
    piece: string,
    add: (lists: ByteReader) => void,
  ): Promise<number | null> {
    const { list, counts } = await (this.words ??= this.readWords());
    const spans = listSpans(list, dir, termsContaining(list, piece, counts));
    const total = spans.reduce((sum, [start, end]) => sum + end - start, 0);
    if (total > this.listsBytesLimit) return null;
    const ranges = mergeSpans(spans, MERGE_GAP);
    // Many small lists far apart (`ab`) read their gaps too: bounded as well.
    const reading = ranges.reduce((sum, [start, end]) => sum + end - start, 0);
    if (reading > 2 * this.listsBytesLimit) return null;
    const read: Uint8Array[] = new Array<Uint8Array>(ranges.length);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < ranges.length; i = next++)
        read[i] = await this.read(this.files.urls.postings, ranges[i]![0], ranges[i]![1]);
    };
    await Promise.all(Array.from({ length: PARALLEL_READS }, lane));
    let r = 0;
    for (const [start, end] of spans) {
      while (ranges[r]![1] < end) r++;
      const from = start - ranges[r]![0];
      add(new ByteReader(read[r]!.subarray(from, from + end - start)));
    }
    return reading;
  }

  private async readWords(): Promise<{ list: WordList; counts: Uint32Array }> {
    try {
      const { bytes } = this.files.entry.files.words;
      const gzipped = await this.read(this.files.urls.words, 0, bytes);
      const stream = new Blob([gzipped as Uint8Array<ArrayBuffer>])
        .stream()
        .pipeThrough(new DecompressionStream('gzip'));
      const list = readWords(new Uint8Array(await new Response(stream).arrayBuffer()));
      return { list, counts: byteCounts(list.joined) };
    } catch (error) {
      this.words = undefined; // tried again by the next search
      throw error;
    }
  }
}

/** The number of `sorted` entries at or before `value`. */
function upperBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
