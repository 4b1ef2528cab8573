import type { TextIndexEntry } from '../../build/sidecar';
import { foldText } from '../../../model/text-fold';
import { forEachTerm } from '../../../model/text-tokens';
import {
  BLOCK_TERMS,
  ByteWriter,
  LIST_ROLES,
  TEXT_INDEX_FILES,
  TEXT_INDEX_FORMAT,
  writeDir,
  writeList,
  writeVocabBlock,
} from '../format';
import type { ReadRange, TextIndexFiles } from '../text-index-reader';

export type Message = { role: string | null; content: string | null };

/**
 * A text index of `conversations` (row = index) built in memory the simple way, with a ReadRange
 * over it that counts requests: for tests of the reader and the search's use of it.
 */
export function memoryIndex(conversations: readonly Message[][], blockTerms = BLOCK_TERMS) {
  const lists = new Map<string, Set<number>[]>();
  conversations.forEach((messages, row) => {
    for (const { role, content } of messages) {
      if (content === null) continue;
      const list = role === 'user' ? 0 : role === 'assistant' ? 1 : 2;
      forEachTerm(foldText(content), (term) => {
        let sets = lists.get(term);
        if (!sets) lists.set(term, (sets = LIST_ROLES.map(() => new Set<number>())));
        sets[list]!.add(row);
      });
    }
  });
  const terms = [...lists.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const postings = new ByteWriter();
  const vocab = new ByteWriter();
  const dir = { firstTerms: [] as string[], vocabOffsets: [0], postingsOffsets: [0] };
  for (let b = 0; b < terms.length; b += blockTerms) {
    const block = terms.slice(b, b + blockTerms);
    const sizes = block.map((term) => {
      const before = postings.length;
      for (const set of lists.get(term)!)
        writeList(
          postings,
          [...set].sort((x, y) => x - y),
        );
      return postings.length - before;
    });
    writeVocabBlock(vocab, block, sizes);
    dir.firstTerms.push(block[0]!);
    dir.vocabOffsets.push(vocab.length);
    dir.postingsOffsets.push(postings.length);
  }
  const dirBytes = new ByteWriter();
  writeDir(dirBytes, dir);
  const data = {
    dir: dirBytes.view().slice(),
    vocab: vocab.view().slice(),
    postings: postings.view().slice(),
  };
  const entry: TextIndexEntry = {
    format: TEXT_INDEX_FORMAT,
    rows: conversations.length,
    terms: terms.length,
    files: {
      dir: { file: TEXT_INDEX_FILES.dir, bytes: data.dir.length },
      vocab: { file: TEXT_INDEX_FILES.vocab, bytes: data.vocab.length },
      postings: { file: TEXT_INDEX_FILES.postings, bytes: data.postings.length },
    },
  };
  const files: TextIndexFiles = {
    entry,
    urls: { dir: 'dir', vocab: 'vocab', postings: 'postings' },
  };
  const requests: { url: string; start: number; end: number }[] = [];
  const read: ReadRange = (url, start, end) => {
    requests.push({ url, start, end });
    const bytes = data[url as keyof typeof data];
    if (end > bytes.length) return Promise.reject(new Error(`read past the end of ${url}`));
    return Promise.resolve(bytes.slice(start, end));
  };
  return { files, read, requests, terms, data };
}
