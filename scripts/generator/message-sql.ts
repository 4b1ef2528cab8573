import { poolPick } from './pools';
import { sqlNumber, sqlStringList, uniform, uniformInt } from './sql-util';
import { STREAM } from './streams';
import { ANSWER_BLOCKS, PROMPT_BLOCKS, tokensFor, tokenStream } from './stream-sql';

type Keys = readonly (string | number)[];

const NL2 = 'chr(10) || chr(10)';
const EMPTY_ANSWER_SHARE = 0.005;
const FLAGGED_PREFIXES = [
  'Continue the story from where we left off.',
  'Write the next scene of my novel.',
  'Stay in character and answer.',
  'Rewrite this paragraph.',
];

/**
 * Drawn body lengths in bytes: log-normal, capped so a message stays a message. Templates,
 * openers, closers and stock sentences come on top, so the medians here sit below the targets
 * the messages meet (real chat data: user median 50, p90 344; assistant median 583, p90 1,756;
 * text-stats.test.ts checks them).
 */
export const LENGTHS = {
  user: { median: 48, sigma: 1.75, max: 12_000 },
  assistant: { median: 335, sigma: 0.8, max: 16_000 },
} as const;
/** Bytes of the request that opens a prompt; the rest of a long prompt is pasted text. */
const ASK_BYTES = 300;
/** Bytes of one block of an answer. */
const BLOCK_BYTES = 450;

/** A log-normal length from two uniforms (Box-Muller). */
function logNormal(keys: Keys, spec: { median: number; sigma: number; max: number }): string {
  const z = `sqrt(-2.0 * ln(1.0 - ${uniform(...keys, 1)})) * cos(2.0 * pi() * ${uniform(...keys, 2)})`;
  return `least(${spec.max}, greatest(2.0, ${sqlNumber(spec.median)} * exp(${sqlNumber(spec.sigma)} * ${z})))`;
}

/** `{T}`, `{N1}`, `{N2}`, `{n}` and `{y}` of a template filled in. */
function fill(template: string, keys: Keys): string {
  const n = `(2 + ${uniformInt(28, ...keys, 21)})::VARCHAR`;
  const year = `(1990 + ${uniformInt(34, ...keys, 22)})::VARCHAR`;
  const slots = [
    ["'{T}'", 'topic'],
    ["'{N1}'", "'NAME_1'"],
    ["'{N2}'", "'NAME_2'"],
    ["'{n}'", n],
    ["'{y}'", year],
  ];
  return slots.reduce((text, [slot, value]) => `replace(${text}, ${slot}, ${value})`, template);
}

const base = (keys: Keys) => `hash(hash(${keys.join(', ')}))`;

function userText(seed: number): string {
  const k = (sub: number): Keys => [seed, 'row_id', STREAM.text, sub, 'm'];
  const length = logNormal(k(1), LENGTHS.user);
  const u = uniform(...k(2));
  const template = `CASE
    WHEN m = 0 AND has_names AND ${u} < 0.4 THEN ${fill(poolPick('namedPrompts', 'pack', ...k(3)), k(4))}
    WHEN m = 0 AND ${u} < 0.2 THEN ${fill(poolPick('prompts', 'pack', ...k(5)), k(4))}
    WHEN m > 0 AND ${u} < 0.25 THEN ${fill(poolPick('followUps', 'pack', ...k(6)), k(4))}
    END`;
  const body = (bytes: string) =>
    tokenStream({
      pack: 'pack',
      base: base(k(7)),
      count: tokensFor('pack', bytes),
      blockTokens: tokensFor('pack', `${ASK_BYTES}`),
      mix: PROMPT_BLOCKS,
      proseFirst: true,
      named: 'has_names',
      stock: false,
    });
  const intro = `CASE WHEN ${uniform(...k(8))} < 0.5
    THEN ${poolPick('attachIntros', 'pack', ...k(9))} || ${NL2} ELSE '' END`;
  // A request from a template, with pasted text when the drawn length calls for it; or free text.
  // Redacted-style conversations name someone in their first prompt, by template or up front.
  const free = `CASE WHEN m = 0 AND has_names THEN 'NAME_1: ' ELSE '' END || ${body(length)}`;
  return `CASE WHEN ${template} IS NULL THEN ${free}
    WHEN ${length} > 150 THEN ${template} || ${NL2} || ${intro} || ${body(`${length} - 100`)}
    ELSE ${template} END`;
}

function assistantText(seed: number): string {
  const k = (sub: number): Keys => [seed, 'row_id', STREAM.text, sub, 'm'];
  const length = logNormal(k(11), LENGTHS.assistant);
  const opener = `CASE
    WHEN m = 1 AND has_names AND ${uniform(...k(12))} < 0.7
      THEN ${fill(poolPick('namedOpeners', 'pack', ...k(13)), k(14))} || ${NL2}
    WHEN ${uniform(...k(15))} < CASE WHEN m = 1 THEN 0.6 ELSE 0.3 END
      THEN ${fill(poolPick('openers', 'pack', ...k(16)), k(14))} || ${NL2}
    ELSE '' END`;
  const closer = `CASE WHEN ${uniform(...k(17))} < 0.2
    THEN ${NL2} || ${poolPick('closers', 'pack', ...k(18))} ELSE '' END`;
  const body = tokenStream({
    pack: 'pack',
    base: base(k(19)),
    count: tokensFor('pack', `0.92 * ${length}`),
    blockTokens: tokensFor('pack', `${BLOCK_BYTES}`),
    mix: ANSWER_BLOCKS,
    proseFirst: false,
    named: 'has_names',
    stock: true,
  });
  return `${opener} || ${body} || ${closer}`;
}

function flaggedText(seed: number): string {
  const prefix = `${sqlStringList(FLAGGED_PREFIXES)}[1 + ${uniformInt(FLAGGED_PREFIXES.length, seed, 'row_id', STREAM.text, 20, 'm')}]`;
  return `CASE WHEN m % 2 = 0
    THEN ${prefix} || ' [synthetic placeholder: a request the moderation model would flag as ' || flag_label || ']'
    ELSE '[synthetic placeholder: a reply the moderation model would flag as ' || flag_label || ']' END`;
}

/**
 * The `content` of message `m` (0-based; even = user) of the current conversation row. Reads the
 * columns of `conversationCtes` (with the token lists of stream-sql) plus `flags`.
 */
export function messageContent(seed: number, text = true): string {
  if (!text) return "''";
  const empty = `${uniform(seed, 'row_id', STREAM.empty, 'm')} < ${EMPTY_ANSWER_SHARE}`;
  return `CASE
    WHEN flags[m + 1] THEN ${flaggedText(seed)}
    WHEN m % 2 = 0 THEN ${userText(seed)}
    WHEN ${empty} THEN ''
    ELSE ${assistantText(seed)} END`;
}
