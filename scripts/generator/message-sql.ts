import { assistantBlock, type Keys, userBlock } from './blocks-sql';
import { poolPick } from './pools';
import { sqlStringList, uniform, uniformInt } from './sql-util';
import { STREAM } from './streams';

const NL2 = 'chr(10) || chr(10)';
const EMPTY_ANSWER_SHARE = 0.005;
const FLAGGED_PREFIXES = [
  'Continue the story from where we left off.',
  'Write the next scene of my novel.',
  'Stay in character and answer.',
  'Rewrite this paragraph.',
];

/** floor(U^(-1/alpha)) capped: a count that is usually 1 or 2 with a long tail. */
function heavyCount(u: string, alpha: number, cap: number): string {
  return `least(${cap}, floor(pow(1.0 - ${u}, ${-1 / alpha})))::BIGINT`;
}

function blocks(keys: Keys, count: string, block: (keys: Keys) => string): string {
  return `array_to_string(list_transform(range(${count}), b -> ${block([...keys, 'b'])}), ${NL2})`;
}

function userText(seed: number): string {
  const k = (sub: number): Keys => [seed, 'row_id', STREAM.text, sub, 'm'];
  const first = `CASE WHEN has_names THEN ${poolPick('namedPrompts', 'pack', ...k(1))}
    ELSE ${poolPick('prompts', 'pack', ...k(2))} END`;
  const followUp = `replace(${poolPick('followUps', 'pack', ...k(3))}, '{n}', (1 + ${uniformInt(5, ...k(4))})::VARCHAR)`;
  const attachCount = heavyCount(uniform(...k(5)), 1.3, 20);
  const attachment = `CASE WHEN ${uniform(...k(6))} < CASE WHEN m = 0 THEN 0.5 ELSE 0.27 END
    THEN ${NL2} || ${poolPick('attachIntros', 'pack', ...k(7))} || ${NL2}
      || ${blocks(k(8), attachCount, userBlock)}
    ELSE '' END`;
  return `(CASE WHEN m = 0 THEN ${first} ELSE ${followUp} END) || ${attachment}`;
}

function assistantText(seed: number): string {
  const k = (sub: number): Keys => [seed, 'row_id', STREAM.text, sub, 'm'];
  const opener = `CASE
    WHEN m = 1 AND has_names AND ${uniform(...k(11))} < 0.7
      THEN ${poolPick('namedOpeners', 'pack', ...k(12))} || ${NL2}
    WHEN ${uniform(...k(13))} < CASE WHEN m = 1 THEN 0.75 ELSE 0.35 END
      THEN ${poolPick('openers', 'pack', ...k(14))} || ${NL2}
    ELSE '' END`;
  const blockCount = heavyCount(uniform(...k(15)), 1.12, 24);
  const closer = `CASE WHEN ${uniform(...k(16))} < 0.3
    THEN ${NL2} || ${poolPick('closers', 'pack', ...k(17))} ELSE '' END`;
  return `${opener} || ${blocks(k(18), blockCount, assistantBlock)} || ${closer}`;
}

function flaggedText(seed: number): string {
  const prefix = `${sqlStringList(FLAGGED_PREFIXES)}[1 + ${uniformInt(FLAGGED_PREFIXES.length, seed, 'row_id', STREAM.text, 20, 'm')}]`;
  return `CASE WHEN m % 2 = 0
    THEN ${prefix} || ' [synthetic placeholder: a request the moderation model would flag as ' || flag_label || ']'
    ELSE '[synthetic placeholder: a reply the moderation model would flag as ' || flag_label || ']' END`;
}

/**
 * The `content` of message `m` (0-based; even = user) of the current conversation row, with topic,
 * NAME_k and number slots filled in. Reads the columns of `conversationCtes` plus `flags`.
 */
export function messageContent(seed: number): string {
  const empty = `${uniform(seed, 'row_id', STREAM.empty, 'm')} < ${EMPTY_ANSWER_SHARE}`;
  const raw = `CASE
    WHEN flags[m + 1] THEN ${flaggedText(seed)}
    WHEN m % 2 = 0 THEN ${userText(seed)}
    WHEN ${empty} THEN ''
    ELSE ${assistantText(seed)} END`;
  const n = `(2 + ${uniformInt(28, seed, 'row_id', STREAM.text, 21, 'm')})::VARCHAR`;
  const year = `(1990 + ${uniformInt(34, seed, 'row_id', STREAM.text, 22, 'm')})::VARCHAR`;
  const slots = [
    ["'{T}'", 'topic'],
    ["'{N1}'", "'NAME_1'"],
    ["'{N2}'", "'NAME_2'"],
    ["'{n}'", n],
    ["'{y}'", year],
  ];
  return slots.reduce((text, [slot, value]) => `replace(${text}, ${slot}, ${value})`, raw);
}
