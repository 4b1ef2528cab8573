import { conversationCtes, type RowSource } from './conversation-sql';
import { messageContent } from './message-sql';
import { messageFlags, moderationList } from './moderation-sql';
import { chooseByWeight, sqlString, uniform, uniformInt } from './sql-util';
import { STREAM } from './streams';

/** Model names as WildChat-1M spells them (versioned OpenAI names); shares are plausible. */
const WILDCHAT_MODELS = [
  { name: 'gpt-3.5-turbo-0613', weight: 0.45 },
  { name: 'gpt-3.5-turbo-0301', weight: 0.2 },
  { name: 'gpt-3.5-turbo-0125', weight: 0.1 },
  { name: 'gpt-4-0314', weight: 0.1 },
  { name: 'gpt-4-1106-preview', weight: 0.1 },
  { name: 'gpt-4-0125-preview', weight: 0.05 },
];

/** Countries with a region list where WildChat gives `state`; elsewhere `state` is NULL. */
export const WILDCHAT_COUNTRIES = [
  { name: 'United States', weight: 0.22, states: ['California', 'New York', 'Texas', 'Florida'] },
  { name: 'China', weight: 0.15, states: ['Beijing', 'Guangdong', 'Shanghai'] },
  { name: 'Russia', weight: 0.13, states: ['Moscow', 'St.-Petersburg'] },
  { name: 'Hong Kong', weight: 0.06, states: [] },
  { name: 'United Kingdom', weight: 0.05, states: ['England', 'Scotland'] },
  { name: 'Germany', weight: 0.04, states: ['Bavaria', 'Berlin'] },
  { name: 'India', weight: 0.04, states: [] },
  { name: 'France', weight: 0.035, states: [] },
  { name: 'Canada', weight: 0.03, states: ['Ontario', 'Quebec'] },
  { name: 'Brazil', weight: 0.03, states: [] },
  { name: 'Japan', weight: 0.025, states: [] },
  { name: 'Taiwan', weight: 0.025, states: [] },
  { name: 'Singapore', weight: 0.02, states: [] },
  { name: 'Ukraine', weight: 0.02, states: [] },
  { name: 'Australia', weight: 0.015, states: [] },
] as const;

/** Share of conversations without a country (the real data has a few). */
const NO_COUNTRY = 0.01;
const TOXIC_IF_FLAGGED = 0.8;
const TOXIC_OTHERWISE = 0.02;
/** 2023-04-09 .. 2024-04-30, the span of WildChat-1M, in seconds since the epoch. */
const FIRST_SECOND = 1_681_000_000;
const SPAN_SECONDS = 33_800_000;
const DETOXIFY_KEYS = [
  'identity_attack',
  'insult',
  'obscene',
  'severe_toxicity',
  'sexual_explicit',
  'threat',
  'toxicity',
];
const USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36';

function countryAndState(seed: number): { country: string; state: string } {
  const u = uniform(seed, 'row_id', STREAM.country);
  const weights = WILDCHAT_COUNTRIES.map((c) => c.weight);
  const country = chooseByWeight(
    u,
    [...weights, NO_COUNTRY * weights.reduce((a, b) => a + b, 0)],
    [...WILDCHAT_COUNTRIES.map((c) => sqlString(c.name)), 'NULL::VARCHAR'],
  );
  const pickState = WILDCHAT_COUNTRIES.filter((c) => c.states.length > 0).map((c) => {
    const i = uniformInt(c.states.length, seed, 'row_id', STREAM.state);
    const list = `[${c.states.map(sqlString).join(', ')}]::VARCHAR[]`;
    return `WHEN country = ${sqlString(c.name)} THEN (${list})[${i} + 1]`;
  });
  return { country, state: `CASE ${pickState.join(' ')} ELSE NULL::VARCHAR END` };
}

/** Each message's Detoxify scores (float32, as released): low, higher on flagged messages. */
function detoxifyList(seed: number): string {
  const entry = DETOXIFY_KEYS.map((key, k) => {
    const u = uniform(seed, 'row_id', STREAM.detoxify, 'm', k);
    return `${sqlString(key)}: (CASE WHEN flags[m + 1] THEN 0.3 + 0.6 * ${u} ELSE 0.01 * ${u} END)::FLOAT`;
  });
  return `list_transform(range(2 * turn), m -> {${entry.join(', ')}})`;
}

/**
 * The SELECT producing WildChat-1M-shaped rows of `rowIds`, in order: the real columns, names and
 * types (`timestamp` as a UTC timestamp, per-message country/state/header fields, moderation keys
 * with underscore aliases, float32 Detoxify scores). The conversations themselves come from the
 * same draws as the LMSYS-shaped generator.
 */
export function buildWildChatQuery(source: RowSource): string {
  const { seed, text } = source;
  const { country, state } = countryAndState(seed);
  const model = chooseByWeight(
    uniform(seed, 'row_id', STREAM.wildModel),
    WILDCHAT_MODELS.map((m) => m.weight),
    WILDCHAT_MODELS.map((m) => sqlString(m.name)),
  );
  const started = `${FIRST_SECOND} + floor(${uniform(seed, 'row_id', STREAM.timestamp)} * ${SPAN_SECONDS})`;
  const toxic = `${uniform(seed, 'row_id', STREAM.toxic)} < CASE WHEN attempt OR success THEN ${TOXIC_IF_FLAGGED} ELSE ${TOXIC_OTHERWISE} END`;
  // Demographic fields are set on user messages and NULL on the model's, as in the release.
  const userOnly = (expr: string) => `CASE WHEN m % 2 = 0 THEN ${expr} END`;
  return `WITH ${conversationCtes(source)},
messages AS (SELECT *, ${messageFlags(seed)} AS flags FROM topical),
placed AS (
  SELECT *,
    ${country} AS country,
    ${started} AS started_at,
    ${toxic} AS toxic,
    md5('ip:' || ${uniformInt(50_000, seed, 'row_id', STREAM.ip)}::VARCHAR) AS hashed_ip
  FROM messages
),
wild AS (SELECT *, ${state} AS state FROM placed)
SELECT
  md5('${seed}:' || row_id::VARCHAR) AS conversation_hash,
  ${model} AS model,
  to_timestamp(started_at) AS timestamp,
  list_transform(range(2 * turn), m -> {
    'content': ${messageContent(seed, text)},
    'country': ${userOnly('country')},
    'hashed_ip': ${userOnly('hashed_ip')},
    'header': ${userOnly(`{'accept-language': 'en-US,en;q=0.9', 'user-agent': ${sqlString(USER_AGENT)}}`)},
    'language': language,
    'redacted': redacted,
    'role': CASE WHEN m % 2 = 0 THEN 'user' ELSE 'assistant' END,
    'state': ${userOnly('state')},
    'timestamp': to_timestamp(started_at + 20 * m),
    'toxic': toxic AND flags[m + 1],
    'turn_identifier': (row_id * 1000 + m // 2)::BIGINT
  }) AS conversation,
  turn,
  language,
  ${moderationList(seed, { underscoreAliases: true })} AS openai_moderation,
  ${detoxifyList(seed)} AS detoxify_moderation,
  toxic,
  redacted,
  state,
  country,
  hashed_ip,
  {'accept-language': 'en-US,en;q=0.9', 'user-agent': ${sqlString(USER_AGENT)}} AS header
FROM wild`;
}
