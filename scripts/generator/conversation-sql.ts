import { CATEGORIES } from '../../src/model/moderation';
import { LANGUAGES } from './languages';
import { MODELS, SUCCESS_WITHOUT_ATTEMPT } from './models';
import { parentMix, SUBCATEGORY_RATES } from './moderation-spec';
import { poolPick } from './pools';
import { pickIndex, sqlNumber, sqlNumberList, sqlString, sqlStringList, uniform } from './sql-util';
import { STREAM } from './streams';
import { TEXT_PACK_IDS } from './text/packs';
import { WORDS_TABLE } from './stream-sql';

export interface RowSource {
  seed: number;
  /** A table expression with one BIGINT column `row_id`, in row order. */
  rowIds: string;
  /** False: every message's `content` is '' (GenerateOptions.text). */
  text?: boolean;
}

/**
 * A Pareto tail truncated at the cap, P(turns >= k) ~ k^-alpha: 69% one turn, mean 2.0, about
 * 110 per 100,000 past 50 turns, and no pile-up at the cap.
 */
const TURN_ALPHA = 1.69;
const TURN_CAP = 150;
const TURN_SPAN = 1 - (TURN_CAP + 1) ** -TURN_ALPHA;
const NAMES_SHARE = 0.5;
const REDACTED_IF_NAMES = 0.36;
const REDACTED_IF_NO_NAMES = 0.04;

/** Column name of a category flag in the conversation CTE, e.g. `cat_3`. */
export const catColumn = (index: number) => `cat_${index}`;

function categoryIndex(name: string): number {
  const index = CATEGORIES.findIndex((c) => c.name === name);
  if (index < 0) throw new Error(`unknown category ${name}`);
  return index;
}

/** Parent categories: one primary plus independent extras; see `parentMix`. */
function parentColumns(seed: number): string[] {
  return parentMix().map((parent, p) => {
    const extra = uniform(seed, 'row_id', STREAM.extraCategory, p);
    const column = catColumn(categoryIndex(parent.name));
    return `flagged_conv AND (primary_cat = ${p + 1} OR ${extra} < ${sqlNumber(parent.extra)}) AS ${column}`;
  });
}

function subcategoryColumns(seed: number): string[] {
  return SUBCATEGORY_RATES.map((sub, s) => {
    const u = uniform(seed, 'row_id', STREAM.subcategory, s);
    const parent = catColumn(categoryIndex(sub.parent));
    return `${parent} AND ${u} < ${sqlNumber(sub.rate)} AS ${catColumn(categoryIndex(sub.name))}`;
  });
}

function flagLabel(): string {
  const parts = CATEGORIES.map((c, i) => `CASE WHEN ${catColumn(i)} THEN ${sqlString(c.name)} END`);
  return `concat_ws(', ', ${parts.join(', ')})`;
}

/**
 * CTEs `draws` -> ... -> `topical` with one row per conversation of `rowIds`: model,
 * language, turns, names/redaction and which messages the moderation model flags, plus the word
 * lists of WORDS_TABLE (which must exist: see `wordStatements`).
 */
export function conversationCtes({ seed, rowIds }: RowSource): string {
  const u = (stream: number) => uniform(seed, 'row_id', stream);
  const attempt = MODELS.map((m) => m.attempt);
  const successIfAttempt = MODELS.map(
    (m) => ((1 - SUCCESS_WITHOUT_ATTEMPT) * m.success) / m.attempt,
  );
  const successIfNot = MODELS.map((m) => (SUCCESS_WITHOUT_ATTEMPT * m.success) / (1 - m.attempt));
  const packIndex = LANGUAGES.map((l) => TEXT_PACK_IDS.indexOf(l.pack));
  const primary = pickIndex(
    'u_primary',
    parentMix().map((p) => p.primary),
  );
  const model = pickIndex(
    'u_model',
    MODELS.map((m) => m.conversations),
  );
  const language = pickIndex(
    'u_lang',
    LANGUAGES.map((l) => l.weight),
  );
  const turn = `floor(pow(1.0 - u_turn * ${sqlNumber(TURN_SPAN)}, ${sqlNumber(-1 / TURN_ALPHA)}))`;
  return `
draws AS (
  SELECT row_id,
    ${u(STREAM.model)} AS u_model, ${u(STREAM.language)} AS u_lang, ${u(STREAM.turns)} AS u_turn,
    ${u(STREAM.names)} AS u_names, ${u(STREAM.redacted)} AS u_redacted,
    ${u(STREAM.attempt)} AS u_attempt, ${u(STREAM.success)} AS u_success,
    ${u(STREAM.attemptTurn)} AS u_fa, ${u(STREAM.successTurn)} AS u_fs,
    ${u(STREAM.primaryCategory)} AS u_primary
  FROM ${rowIds}
),
picked AS (
  SELECT *,
    ${model} AS mi,
    ${language} AS li,
    ${turn}::BIGINT AS turn,
    u_names < ${NAMES_SHARE} AS has_names
  FROM draws
),
attempted AS (
  SELECT *,
    u_attempt < ${sqlNumberList(attempt)}[mi] AS attempt,
    u_success < CASE WHEN u_attempt < ${sqlNumberList(attempt)}[mi]
      THEN ${sqlNumberList(successIfAttempt)}[mi] ELSE ${sqlNumberList(successIfNot)}[mi] END AS success,
    ${primary} AS primary_cat
  FROM picked
),
rated AS (SELECT *, attempt OR success AS flagged_conv FROM attempted),
parents AS (
  SELECT *, ${parentColumns(seed).join(',\n    ')} FROM rated
),
flagged AS (
  SELECT *, ${subcategoryColumns(seed).join(',\n    ')} FROM parents
),
conv AS (
  SELECT row_id, turn, has_names, attempt, success,
    ${sqlStringList(MODELS.map((m) => m.name))}[mi] AS model,
    ${sqlStringList(LANGUAGES.map((l) => l.name))}[li] AS language,
    ([${packIndex.join(', ')}]::INTEGER[])[li] AS pack,
    u_redacted < CASE WHEN has_names THEN ${REDACTED_IF_NAMES} ELSE ${REDACTED_IF_NO_NAMES} END
      AS redacted,
    floor(u_fa * turn)::BIGINT AS attempt_turn,
    CASE WHEN attempt THEN floor(u_fa * turn) ELSE floor(u_fs * turn) END::BIGINT AS success_turn,
    ${CATEGORIES.map((_, i) => catColumn(i)).join(', ')},
    ${flagLabel()} AS flag_label
  FROM flagged
),
topical AS (
  SELECT *, ${poolPick('topics', 'pack', seed, 'row_id', STREAM.topic)} AS topic
  FROM conv CROSS JOIN ${WORDS_TABLE}
)`;
}
