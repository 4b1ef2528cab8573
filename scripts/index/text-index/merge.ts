import { writeSync } from 'node:fs';
import {
  BLOCK_TERMS,
  ByteWriter,
  writeList,
  writeVocabBlock,
  type TextIndexDir,
} from '../../../src/db/text-index/format';
import type { PartialIndex } from './term-table';

const encoder = new TextEncoder();
/** Bytes gathered before a write: few system calls, little memory. */
const FLUSH_BYTES = 8 << 20;
const EMPTY: number[] = [];

/** A file written front to back from a ByteWriter, counting its bytes. */
class FileOut {
  readonly out = new ByteWriter();
  bytes = 0;

  constructor(private readonly fd: number) {}

  /** Bytes written so far, including those not flushed yet. */
  get at(): number {
    return this.bytes + this.out.length;
  }

  flushIfFull(): void {
    if (this.out.length >= FLUSH_BYTES) this.flush();
  }

  flush(): void {
    const view = this.out.view();
    for (let done = 0; done < view.length;)
      done += writeSync(this.fd, view, done, view.length - done);
    this.bytes += view.length;
    this.out.reset();
  }
}

/** Where one partial stands in the merge: its next term and that term's first row. */
interface Head {
  partial: PartialIndex;
  rank: number;
  /** Where term `rank` starts in the partial's text and its lists in its rows. */
  textAt: number;
  rowAt: number;
  term: string | undefined;
}

/**
 * Merges the workers' partial indexes (in `row` order: every row of one comes before the next
 * one's) into `vocab` and `postings`, streaming, and returns the dir and the number of terms.
 * A term's list is its lists in the partials one after another, which keeps its rows ascending.
 */
export function mergePartials(
  partials: readonly PartialIndex[],
  fds: { vocab: number; postings: number },
): {
  dir: TextIndexDir;
  terms: number;
  vocabBytes: number;
  postingsBytes: number;
  /** The terms joined by newlines (UTF-8) and each term's list bytes: the `words` file. */
  words: { joined: Uint8Array; listBytes: Uint32Array };
} {
  const vocab = new FileOut(fds.vocab);
  const postings = new FileOut(fds.postings);
  const dir: TextIndexDir = { firstTerms: [], vocabOffsets: [0], postingsOffsets: [0] };
  const heads = partials.map((partial) =>
    readTerm({ partial, rank: 0, textAt: 0, rowAt: 0, term: undefined }),
  );
  let blockTerms: string[] = [];
  let blockBytes: number[] = [];
  let terms = 0;
  let scratch = new Uint32Array(1024);
  const joined = new ByteWriter();
  let listBytes = new Uint32Array(1 << 16);
  const endBlock = () => {
    // One encoder call per block, not per term.
    joined.bytes(encoder.encode(`${blockTerms.join('\n')}\n`));
    if (listBytes.length < terms) {
      const grown = new Uint32Array(listBytes.length * 2);
      grown.set(listBytes);
      listBytes = grown;
    }
    listBytes.set(blockBytes, terms - blockBytes.length);
    writeVocabBlock(vocab.out, blockTerms, blockBytes);
    dir.firstTerms.push(blockTerms[0]!);
    dir.vocabOffsets.push(vocab.at);
    dir.postingsOffsets.push(postings.at);
    vocab.flushIfFull();
    postings.flushIfFull();
    blockTerms = [];
    blockBytes = [];
  };
  const from: Head[] = [];
  for (;;) {
    // The least next term, and the partials that have it (a handful: one per worker).
    let term: string | undefined;
    for (const head of heads)
      if (head.term !== undefined && (term === undefined || head.term < term)) term = head.term;
    if (term === undefined) break;
    from.length = 0;
    for (const head of heads) if (head.term === term) from.push(head);
    const start = postings.at;
    for (let role = 0; role < 3; role++) {
      let n = 0;
      for (const head of from) n += head.partial.counts[head.rank * 3 + role]!;
      if (n === 0) writeList(postings.out, EMPTY);
      else if (from.length === 1) {
        const head = from[0]!;
        writeList(postings.out, head.partial.rows.subarray(head.rowAt, head.rowAt + n));
        head.rowAt += n;
      } else {
        if (scratch.length < n) scratch = new Uint32Array(Math.max(n, scratch.length * 2));
        let at = 0;
        for (const head of from) {
          const count = head.partial.counts[head.rank * 3 + role]!;
          scratch.set(head.partial.rows.subarray(head.rowAt, head.rowAt + count), at);
          head.rowAt += count;
          at += count;
        }
        writeList(postings.out, scratch.subarray(0, n));
      }
    }
    for (const head of from) {
      head.textAt = head.partial.ends[head.rank]!;
      head.rank++;
      readTerm(head);
    }
    blockTerms.push(term);
    blockBytes.push(postings.at - start);
    terms++;
    if (blockTerms.length === BLOCK_TERMS) endBlock();
  }
  if (blockTerms.length > 0) endBlock();
  vocab.flush();
  postings.flush();
  return {
    dir,
    terms,
    vocabBytes: vocab.bytes,
    postingsBytes: postings.bytes,
    words: { joined: joined.view(), listBytes: listBytes.subarray(0, terms) },
  };
}

function readTerm(head: Head): Head {
  const { partial, rank } = head;
  head.term =
    rank < partial.ends.length ? partial.text.slice(head.textAt, partial.ends[rank]) : undefined;
  return head;
}
