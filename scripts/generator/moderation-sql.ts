import { CATEGORIES } from '../../src/model/moderation';
import { catColumn } from './conversation-sql';
import { REPEAT_ASSISTANT_FLAG, REPEAT_USER_FLAG } from './moderation-spec';
import { sqlString, uniform } from './sql-util';
import { STREAM } from './streams';

/**
 * `flags`: whether message m is flagged. The first flagged user (assistant) message sits at
 * `attempt_turn` (`success_turn`); later ones of the same role are flagged now and then.
 */
export function messageFlags(seed: number): string {
  const u = uniform(seed, 'row_id', STREAM.messageFlag, 'm');
  return `list_transform(range(2 * turn), m -> CASE WHEN m % 2 = 0
    THEN attempt AND (m // 2 = attempt_turn OR (m // 2 > attempt_turn AND ${u} < ${REPEAT_USER_FLAG}))
    ELSE success AND (m // 2 = success_turn OR (m // 2 > success_turn AND ${u} < ${REPEAT_ASSISTANT_FLAG}))
    END)`;
}

/**
 * A flagged category scores mostly 0.5-0.99 (a few 0.3-0.5: thresholds differ per category);
 * others are tiny and log-spread (1e-7..1e-2), with an occasional 0.05-0.4.
 */
function score(flagged: string, u: string): string {
  return `CASE WHEN ${flagged} THEN 0.3 + 0.69 * pow(${u}, 0.45)
    WHEN ${u} < 0.02 THEN 0.05 + 17.5 * ${u}
    ELSE pow(10, -7 + 5 * (${u} - 0.02) / 0.98) END`;
}

/**
 * The `openai_moderation` list: one entry per message, in order. With `underscoreAliases` (the
 * WildChat-1M layout, from a later moderation API) every slashed or hyphenated key also appears
 * spelled with underscores (`self_harm_intent`), holding the same value, keys in byte order.
 */
export function moderationList(
  seed: number,
  options: { underscoreAliases?: boolean } = {},
): string {
  const flaggedAs = (i: number) => `(flags[m + 1] AND ${catColumn(i)})`;
  const keys = CATEGORIES.flatMap((c, i) => {
    const alias = options.underscoreAliases && c.id !== c.name ? [{ key: c.id, i }] : [];
    return [{ key: c.name as string, i }, ...alias];
  }).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const order = options.underscoreAliases ? keys : CATEGORIES.map((c, i) => ({ key: c.name, i }));
  const categories = order.map(({ key, i }) => `${sqlString(key)}: ${flaggedAs(i)}`);
  const scores = order.map(
    ({ key, i }) =>
      `${sqlString(key)}: ${score(flaggedAs(i), uniform(seed, 'row_id', STREAM.score, 'm', i))}`,
  );
  return `list_transform(range(2 * turn), m -> {
    'categories': {${categories.join(', ')}},
    'category_scores': {${scores.join(',\n      ')}},
    'flagged': flags[m + 1]
  })`;
}
