import {
  codePick,
  joinerOf,
  poolEntry,
  poolPick,
  poolRunEntry,
  poolRunIndices,
  tableHeaderOf,
} from './pools';
import { chooseByWeight, uniform, uniformInt } from './sql-util';

/**
 * SQL expressions for the markdown building blocks of a message. `keys` identify the block's
 * random stream (seed, row, message, block, ...); the text pack comes from the `pack` column.
 */
export type Keys = readonly (string | number)[];

const PACK = 'pack';

/**
 * `part(0) sep part(1) sep ...` for `count` (between min and max) parts. Paragraphs are unrolled
 * because a list_transform nested in the message and block lambdas cost about twice as much;
 * lists and tables stay lambdas, as unrolling their larger bodies measured slower.
 */
function unrolled(
  count: string,
  min: number,
  max: number,
  separator: string,
  part: (i: number) => string,
) {
  const pieces = Array.from({ length: max }, (_, i) => {
    const piece = i === 0 ? part(0) : `${separator} || ${part(i)}`;
    return i < min ? piece : `CASE WHEN ${count} > ${i} THEN ${piece} ELSE '' END`;
  });
  return `(${pieces.join('\n    || ')})`;
}

const sentence = (keys: Keys, i: number) => poolRunEntry('sentences', PACK, keys, i);

/** Two to five distinct sentences of the pack. */
function paragraph(keys: Keys): string {
  const count = `2 + ${uniformInt(4, ...keys, 3)}`;
  return unrolled(count, 2, 5, joinerOf(PACK), (i) => sentence(keys, i));
}

/** Three to seven list items, about half of them followed by a sentence; `i` is 1-based. */
function list(keys: Keys, numbered: boolean): string {
  const count = `3 + ${uniformInt(5, ...keys, 6)}`;
  const marker = numbered ? `i::VARCHAR || '. '` : `'- '`;
  const item = poolEntry('items', PACK, 'k');
  const body = `CASE WHEN ${uniform(...keys, 'k', 4)} < 0.5
    THEN '**' || ${item} || '**: ' || ${poolEntry('sentences', PACK, 'k')} ELSE ${item} END`;
  const run = poolRunIndices('items', PACK, keys, count);
  return `array_to_string(list_transform(${run}, (k, i) -> ${marker} || ${body}), chr(10))`;
}

function table(keys: Keys): string {
  const count = `3 + ${uniformInt(5, ...keys, 9)}`;
  const value = `(1 + ${uniformInt(1000, ...keys, 'k', 7)})::VARCHAR`;
  const check = `CASE WHEN ${uniform(...keys, 'k', 8)} < 0.6 THEN '✓' ELSE '—' END`;
  const row = `'| ' || ${poolEntry('items', PACK, 'k')} || ' | ' || ${value} || ' | ' || ${check} || ' |'`;
  const run = poolRunIndices('items', PACK, keys, count);
  return `${tableHeaderOf(PACK)} || chr(10) || array_to_string(list_transform(${run}, k -> ${row}), chr(10))`;
}

function code(keys: Keys): string {
  return codePick(...keys, 10);
}

function heading(keys: Keys): string {
  return `'## ' || ${poolPick('headings', PACK, ...keys, 12)} || chr(10) || chr(10) || ${paragraph([...keys, 13])}`;
}

function link(keys: Keys): string {
  const section = `(['docs', 'guide', 'blog', 'wiki', 'faq']::VARCHAR[])[1 + ${uniformInt(5, ...keys, 14)}]`;
  const url = `'https://example.com/' || ${section} || '/' || ${uniformInt(10000, ...keys, 15)}::VARCHAR`;
  return `replace(${poolPick('linkLines', PACK, ...keys, 16)}, '{U}', ${url})`;
}

/** One block of an assistant answer: mostly prose, with lists, code, tables and headings. */
export function assistantBlock(keys: Keys): string {
  return chooseByWeight(
    uniform(...keys, 17),
    [0.46, 0.14, 0.12, 0.12, 0.05, 0.08, 0.03],
    [
      paragraph(keys),
      list(keys, false),
      list(keys, true),
      code(keys),
      table(keys),
      heading(keys),
      link(keys),
    ],
  );
}

/** One block pasted into a user prompt: text to work on, code to fix, or notes. */
export function userBlock(keys: Keys): string {
  return chooseByWeight(
    uniform(...keys, 18),
    [0.55, 0.3, 0.15],
    [paragraph(keys), code(keys), list(keys, false)],
  );
}
