import { poolPick, tableHeaderOf } from './pools';
import { sqlNumber, sqlString, sqlStringList } from './sql-util';
import {
  CAPITAL,
  CODE_TOKENS,
  punctuationOf,
  SYLLABLES,
  tokenTables,
  VARIANT_SHARES,
  VARIANTS,
  VOCABULARY_SIZE,
} from './text/tokens';
import { TEXT_PACK_IDS, TEXT_PACKS } from './text/packs';
import { ZIPF_EXPONENT } from './text/vocab';

/** The one-row table joined to every conversation row: its lists are the token tables. */
export const WORDS_TABLE = 'gen_words';
/** The unit separator never occurs in a token. */
const UNIT = '\x1f';

/**
 * Statements creating WORDS_TABLE and the variables the streams read. The token tables are
 * columns of a joined one-row table rather than session variables: DuckDB copies a constant list
 * into every lambda chunk that reads it (slow for 700,000 tokens), a joined column is shared.
 */
export function wordStatements(text = true): string[] {
  // Without text nothing reads the lists, and building them is most of a small dataset's time.
  if (!text) {
    return [
      `CREATE OR REPLACE TEMP TABLE ${WORDS_TABLE} AS
        SELECT []::VARCHAR[] AS w_tokens, []::VARCHAR[] AS w_code, []::VARCHAR[] AS w_syllables`,
    ];
  }
  const { tokens, code, syllables, meanBytes } = tokenTables();
  // One string split in SQL: a list literal of this many strings takes seconds to parse.
  const list = (values: string[]) => `string_split(${sqlString(values.join(UNIT))}, chr(31))`;
  return [
    `CREATE OR REPLACE TEMP TABLE ${WORDS_TABLE} AS
      SELECT ${list(tokens)} AS w_tokens, ${list(code)} AS w_code, ${list(syllables)} AS w_syllables`,
    `SET VARIABLE w_token_bytes = [${tokenBytes(meanBytes, syllables).map(sqlNumber).join(', ')}]::DOUBLE[]`,
    `SET VARIABLE w_space = ${sqlStringList(TEXT_PACK_IDS.map((id) => punctuationOf(id).space))}`,
  ];
}

const utf8 = (text: string) => new TextEncoder().encode(text).length;

/** Mean bytes of a token per pack, counting made-up rare words and stock sentences. */
function tokenBytes(wordBytes: readonly number[], syllables: readonly string[]): number[] {
  return TEXT_PACK_IDS.map((id, i) => {
    const pieces = syllables.slice(i * SYLLABLES, (i + 1) * SYLLABLES);
    const rare = (3.5 * pieces.reduce((n, p) => n + utf8(p), 0)) / SYLLABLES + 1;
    const sentences = TEXT_PACKS[id].sentences;
    const stock = sentences.reduce((n, x) => n + utf8(x), 0) / sentences.length + 1;
    // Stock sentences only come in paragraphs: about 60% of the tokens.
    const [r, st] = [RARE_PER_1000 / 1000, (0.6 * STOCK_PER_1000) / 1000];
    return (1 - r - st) * (wordBytes[i] ?? 6) + r * rare + st * stock;
  });
}

/** How many tokens make about `bytes` bytes in `pack` (at least one). */
export function tokensFor(pack: string, bytes: string): string {
  return `greatest(1, round((${bytes}) / getvariable('w_token_bytes')[${pack} + 1]))::BIGINT`;
}

const TWO_53 = '9007199254740992.0';
export const RARE_PER_1000 = 350;
const STOCK_PER_1000 = 70;
const pv = (name: string, pack: string) => `getvariable('w_${name}')[${pack} + 1]`;
const ZIPF_SCALE = sqlNumber((VOCABULARY_SIZE + 1) ** (1 - ZIPF_EXPONENT) - 1);
const ZIPF_POWER = sqlNumber(1 / (1 - ZIPF_EXPONENT));

/** Block kinds, stored in the low 4 bits of each token's hash. */
export const BLOCK = {
  paragraph: 0,
  bullets: 1,
  numbers: 2,
  code: 3,
  table: 4,
  heading: 5,
  link: 6,
} as const;
type BlockKind = keyof typeof BLOCK;

/** Block mixes by share (percent): answers are mostly prose, prompts paste text and code. */
export const ANSWER_BLOCKS: readonly [BlockKind, number][] = [
  ['paragraph', 50],
  ['bullets', 13],
  ['numbers', 12],
  ['code', 10],
  ['table', 5],
  ['heading', 7],
  ['link', 3],
];
export const PROMPT_BLOCKS: readonly [BlockKind, number][] = [
  ['paragraph', 60],
  ['code', 28],
  ['bullets', 12],
];

const FENCES = ['python', 'python', 'javascript', 'sql', 'bash', 'typescript', 'rust', 'java'];
const NL = 'chr(10)';

function blockKind(u: string, mix: readonly [BlockKind, number][]): string {
  let cumulative = 0;
  const whens = mix.slice(0, -1).map(([kind, share]) => {
    cumulative += share;
    return `WHEN ${u} < ${cumulative} THEN ${BLOCK[kind]}`;
  });
  return `(CASE ${whens.join(' ')} ELSE ${BLOCK[mix[mix.length - 1]![0]]} END)`;
}

/** The variant for a uniform 0..63, by VARIANT_SHARES. */
function variantOf(x: string): string {
  let cumulative = 0;
  const whens = VARIANT_SHARES.slice(0, -1).map((share, v) => {
    cumulative += share;
    return `WHEN ${x} < ${cumulative} THEN ${v}`;
  });
  return `(CASE ${whens.join(' ')} ELSE ${VARIANT_SHARES.length - 1} END)`;
}

export interface StreamSpec {
  /** 0-based text pack (SQL). */
  pack: string;
  /** UBIGINT SQL seeding the stream. */
  base: string;
  /** Tokens in all (SQL). */
  count: string;
  /** Tokens per block (SQL). */
  blockTokens: string;
  mix: readonly [BlockKind, number][];
  /** When the first block must be prose (a prompt's request). */
  proseFirst: boolean;
  /** BOOLEAN SQL: whether NAME_k placeholders may appear. */
  named: string;
  /** Whether stock sentences may appear (answers; prompts are too short for them). */
  stock: boolean;
}

/**
 * One message body as a single run of tokens cut into blocks of `blockTokens`: paragraphs, lists,
 * fenced code, tables, headings and links, separated by blank lines. A flat run (one lambda over
 * tokens, not one per block) keeps the query fast; each token's block kind travels in its hash.
 */
export function tokenStream(s: StreamSpec): string {
  const per = `(${s.blockTokens})`;
  const blockHash = `hash(xor(hash(${s.base}, 1), (i // ${per})::UBIGINT))`;
  const kind = blockKind(`(${blockHash} % 100)`, s.mix);
  const firstKind = s.proseFirst ? `CASE WHEN i < ${per} THEN 0 ELSE ${kind} END` : kind;
  const hashes = `list_transform(range((${s.count})::BIGINT), i ->
    ((hash(xor(${s.base}, i::UBIGINT)) >> 4) << 4) | (${firstKind})::UBIGINT)`;

  const t = 'h % 16';
  const r = '(h >> 4)';
  const p = `((j - 1) % ${per})`;
  const bi = `((j - 1) // ${per})`;
  const item = `(4 + ${bi} % 5)`;
  // r has 60 bits: its top 53 make the uniform.
  const u = `((${r} >> 7)::DOUBLE / ${TWO_53})`;
  const rank = `least(${VOCABULARY_SIZE}, floor(pow(1.0 + ${u} * ${ZIPF_SCALE}, ${ZIPF_POWER})))::BIGINT`;
  const itemStart = `(${p} % ${item} = 0)`;
  const capital = `(${p} = 0 OR (${t} IN (1, 2) AND ${itemStart}) OR (${t} = 5 AND ${p} = 4) OR (${t} = 4 AND ${p} % 3 = 0))`;
  const variant = `CASE WHEN ${capital} THEN ${CAPITAL} WHEN ${t} = 4 THEN 0
    ELSE ${variantOf(`(${r} % 64)`)} END`;
  const index = `${s.pack} * ${VOCABULARY_SIZE * VARIANTS} + (${rank} - 1) * ${VARIANTS} + ${variant} + 1`;
  const word = `CASE WHEN ${s.named} AND (${r} >> 40) % 1000 < 4
    THEN 'NAME_' || (1 + (${r} >> 50) % 3)::VARCHAR || ' ' ELSE w_tokens[${index}] END`;
  // RARE_PER_1000 words in 1,000 are made up of three or four pieces, eight per message, each
  // recurring in it (the names, terms and typos a chat keeps using): no other message has them,
  // so neither codec finds them beyond the message.
  const source = `hash(xor(${s.base}, 1000 + (${r} >> 8) % 8))`;
  const piece = (shift: number) =>
    `w_syllables[${s.pack} * ${SYLLABLES} + 1 + (((${source}) >> ${shift}) % ${SYLLABLES})::BIGINT]`;
  const rare = `${piece(8)} || ${piece(14)} || ${piece(20)} || CASE WHEN (${r} >> 26) % 2 = 0 THEN ${piece(27)} ELSE '' END || ${pv('space', s.pack)}`;
  const code = `w_code[1 + ((${r} >> 8) % ${CODE_TOKENS})::BIGINT] || ' '`;
  const fence = `${sqlStringList(FENCES)}[1 + (${bi} % ${FENCES.length})::BIGINT]`;
  const section = `(['docs', 'guide', 'blog', 'wiki', 'faq']::VARCHAR[])[1 + (${r} % 5)::BIGINT]`;
  const url = `'https://example.com/' || ${section} || '/' || ((${r} >> 8) % 100000)::VARCHAR`;
  const link = `replace(${poolPick('linkLines', s.pack, s.base, 'j')}, '{U}', ${url})`;
  const start = `CASE ${t}
      WHEN 1 THEN '- '
      WHEN 2 THEN '1. '
      WHEN 3 THEN '\`\`\`' || ${fence} || ${NL}
      WHEN 4 THEN ${tableHeaderOf(s.pack)} || ${NL} || '| '
      WHEN 5 THEN '## '
      WHEN 6 THEN ${link} || ${NL} || ${NL}
      ELSE '' END`;
  const inside = `CASE
      WHEN ${t} = 1 AND ${itemStart} THEN ${NL} || '- '
      WHEN ${t} = 2 AND ${itemStart} THEN ${NL} || (1 + ${p} // ${item})::VARCHAR || '. '
      WHEN ${t} = 3 AND ${p} % 6 = 0 THEN ${NL} || repeat(' ', (4 * ((${r} >> 20) % 3))::BIGINT)
      WHEN ${t} = 4 THEN CASE WHEN ${p} % 3 = 0 THEN '|' || ${NL} || '| ' ELSE '| ' END
      WHEN ${t} = 5 AND ${p} = 4 THEN ${NL} || ${NL}
      ELSE '' END`;
  const prefix = `CASE WHEN j = 1 THEN ${start}
      WHEN ${p} = 0 THEN ${NL} || ${NL} || ${start}
      ELSE ${inside} END`;
  const last = `(${p} = ${per} - 1 OR j = (${s.count}))`;
  const suffix = `CASE WHEN ${last} AND ${t} = 3 THEN ${NL} || '\`\`\`'
      WHEN ${last} AND ${t} = 4 THEN '|' ELSE '' END`;
  // Stock sentences recur as they do in chat answers ("I hope this helps"), in prose only.
  const stock = `replace(replace(replace(${poolPick('sentences', s.pack, s.base, `(${r} >> 20)`)}, '{T}', topic), '{n}', '3'), '{y}', '2019') || ${pv('space', s.pack)}`;
  const token = `CASE WHEN ${t} = 3 THEN ${code}
      ${s.stock ? `WHEN ${t} = 0 AND (${r} >> 52) % 1000 < ${STOCK_PER_1000} THEN ${stock}` : ''}
      WHEN (${r} >> 33) % 1000 < ${RARE_PER_1000} AND NOT ${capital} THEN ${rare}
      ELSE ${word} END`;
  return `rtrim(array_to_string(list_transform(${hashes}, (h, j) -> ${prefix} || ${token} || ${suffix}), ''))`;
}
