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
  writeWords,
} from '../format';
import type { ReadRange, TextIndexFiles } from '../text-index-reader';

export type Message = { role: string | null; content: string | null };

/**
 * A text index of `conversations` (row = index) built in memory the simple way, with a ReadRange
 * over it that records requests: for tests of the reader and the search's use of it.
 */
export async function memoryIndex(conversations: readonly Message[][], blockTerms = BLOCK_TERMS) {
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
  const listBytes: number[] = [];
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
    listBytes.push(...sizes);
    writeVocabBlock(vocab, block, sizes);
    dir.firstTerms.push(block[0]!);
    dir.vocabOffsets.push(vocab.length);
    dir.postingsOffsets.push(postings.length);
  }
  const dirBytes = new ByteWriter();
  writeDir(dirBytes, dir);
  const words = new ByteWriter();
  writeWords(words, new TextEncoder().encode(terms.join('\n')), listBytes, blockTerms);
  const data = {
    dir: dirBytes.view().slice(),
    vocab: vocab.view().slice(),
    postings: postings.view().slice(),
    words: await gzip(words.view()),
  };
  const file = (key: keyof typeof data) => ({
    file: TEXT_INDEX_FILES[key],
    bytes: data[key].length,
  });
  const entry: TextIndexEntry = {
    format: TEXT_INDEX_FORMAT,
    rows: conversations.length,
    terms: terms.length,
    files: {
      dir: file('dir'),
      vocab: file('vocab'),
      postings: file('postings'),
      words: file('words'),
    },
  };
  const urls = { dir: 'dir', vocab: 'vocab', postings: 'postings', words: 'words' };
  const files: TextIndexFiles = { entry, urls };
  const requests: { url: string; start: number; end: number }[] = [];
  const read: ReadRange = (url, start, end) => {
    requests.push({ url, start, end });
    const bytes = data[url as keyof typeof data];
    if (end > bytes.length) return Promise.reject(new Error(`read past the end of ${url}`));
    return Promise.resolve(bytes.slice(start, end));
  };
  return { files, read, requests, terms, data };
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes.slice()]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
