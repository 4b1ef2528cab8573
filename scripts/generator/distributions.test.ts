import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/model/moderation';
import { PARENT_SHARES } from './moderation-spec';
import { generateDataset } from './generate-dataset';
import { num, openTestDb, type Row } from './test-support';

const ROWS = 100_000;
/** The text checks read the first TEXT_ROWS rows (the same rows: row r depends only on r). */
const TEXT_ROWS = 20_000;
let dir: string;
let db: Awaited<ReturnType<typeof openTestDb>>;
const one = async (sql: string): Promise<Row> => (await db.query(sql))[0] ?? {};

/** One row per message of `from`, as table `name`. */
const messagesTable = (name: string, from: string) => `CREATE TABLE ${name} AS
    SELECT conversation_id, model, i, c.role, c.content, m.flagged, m.categories, m.category_scores
    FROM (SELECT conversation_id, model, unnest(conversation) AS c, unnest(openai_moderation) AS m,
      unnest(range(len(conversation))) AS i FROM ${from})`;

// The shares need many rows, the text checks fewer, and the text is nearly all of the generation:
// `d` and `msg` are written without text, `text_d` and `text_msg` with it.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-dist-'));
  await generateDataset({ rows: ROWS, shards: 2, seed: 42, outDir: join(dir, 'all'), text: false });
  await generateDataset({ rows: TEXT_ROWS, shards: 2, seed: 42, outDir: join(dir, 'text') });
  db = await openTestDb();
  await db.query(`CREATE TABLE d AS SELECT * FROM '${dir}/all/*.parquet'`);
  await db.query(messagesTable('msg', 'd'));
  await db.query(`CREATE TABLE text_d AS SELECT * FROM '${dir}/text/*.parquet'`);
  await db.query(messagesTable('text_msg', 'text_d'));
});

afterAll(async () => {
  db?.close();
  await rm(dir, { recursive: true, force: true });
});

async function shares(column: string): Promise<{ value: string; share: number }[]> {
  const rows = await db.query(`SELECT ${column} AS value, count(*) / ${ROWS} AS share
    FROM d GROUP BY 1 ORDER BY 2 DESC, 1`);
  return rows.map((r) => ({ value: String(r.value), share: num(r.share) }));
}

describe('models and languages', () => {
  it('follows the published model mix', async () => {
    const models = await shares('model');
    expect(models).toHaveLength(25);
    expect(models.slice(0, 5).map((m) => m.value)).toEqual([
      'vicuna-13b',
      'koala-13b',
      'alpaca-13b',
      'chatglm-6b',
      'llama-13b',
    ]);
    const share = (name: string) => models.find((m) => m.value === name)?.share ?? 0;
    expect(share('vicuna-13b')).toBeCloseTo(0.4907, 2);
    expect(share('gpt-4')).toBeGreaterThan(0.0055);
    expect(share('gpt-4')).toBeLessThan(0.0095);
    expect(share('claude-2')).toBeGreaterThan(0.0014);
    expect(share('claude-2')).toBeLessThan(0.0032);
  });

  it('is mostly English with the published top five and a long tail', async () => {
    const languages = await shares('language');
    expect(languages[0]).toMatchObject({ value: 'English' });
    expect(languages[0]?.share).toBeCloseTo(0.75, 1);
    expect(Math.abs((languages[0]?.share ?? 0) - 0.75)).toBeLessThan(0.01);
    expect(languages.slice(1, 5).map((l) => l.value)).toEqual([
      'Portuguese',
      'Russian',
      'Chinese',
      'Spanish',
    ]);
    expect(languages.length).toBeGreaterThanOrEqual(150);
    expect(languages.map((l) => l.value)).toContain('unknown');
  });

  it('writes non-English conversations in their own script', async () => {
    const scripts = await db.query(`SELECT language,
        avg(regexp_matches(conversation[1].content, '[\\x{0400}-\\x{04FF}]')::INT) AS cyrillic,
        avg(regexp_matches(conversation[1].content, '[\\x{4E00}-\\x{9FFF}]')::INT) AS han,
        avg(regexp_matches(conversation[1].content, '[\\x{0600}-\\x{06FF}]')::INT) AS arabic,
        avg(regexp_matches(conversation[1].content, '[\\x{AC00}-\\x{D7AF}]')::INT) AS hangul,
        avg(regexp_matches(conversation[1].content, '[ãçõé]')::INT) AS portuguese
      FROM text_d WHERE language IN ('Russian', 'Chinese', 'Arabic', 'Korean', 'Portuguese', 'English')
        AND NOT openai_moderation[1].flagged
      GROUP BY 1`);
    const by = Object.fromEntries(scripts.map((r) => [String(r.language), r]));
    expect(num(by.Russian?.cyrillic)).toBeGreaterThan(0.9);
    expect(num(by.Chinese?.han)).toBeGreaterThan(0.9);
    expect(num(by.Arabic?.arabic)).toBeGreaterThan(0.9);
    expect(num(by.Korean?.hangul)).toBeGreaterThan(0.9);
    expect(num(by.English?.cyrillic)).toBe(0);
  });
});

describe('conversation structure', () => {
  it('alternates roles from the user, with turn = len/2 and one moderation entry per message', async () => {
    const row = await one(`SELECT
        count(*) FILTER (WHERE len(conversation) <> 2 * turn) AS bad_turn,
        count(*) FILTER (WHERE len(openai_moderation) <> len(conversation)) AS bad_moderation,
        count(*) FILTER (WHERE list_transform(conversation, c -> c.role)
          <> list_transform(range(2 * turn), i -> CASE WHEN i % 2 = 0 THEN 'user' ELSE 'assistant' END))
          AS bad_roles
      FROM d`);
    expect(row).toEqual({ bad_turn: '0', bad_moderation: '0', bad_roles: '0' });
  });

  it('has 2.0 turns on average, mostly single-turn, with a tail past 50', async () => {
    const row =
      await one(`SELECT avg(turn) AS mean, max(turn) AS max, avg((turn = 1)::INT) AS single
      FROM d`);
    expect(Math.abs(num(row.mean) - 2.0)).toBeLessThan(0.15);
    expect(num(row.max)).toBeGreaterThan(50);
    expect(num(row.max)).toBeLessThanOrEqual(150);
    expect(num(row.single)).toBeGreaterThan(0.6);
  });

  it('has prompts of about 200 and answers of about 800 characters, some very long', async () => {
    const rows = await db.query(`SELECT role, avg(length(content)) AS mean,
        max(length(content)) AS max, avg((content = '')::INT) AS empty
      FROM text_msg GROUP BY 1`);
    const by = Object.fromEntries(rows.map((r) => [String(r.role), r]));
    // Quantiles and compression are checked on a small sample in text-stats.test.ts.
    expect(num(by.user?.mean)).toBeGreaterThan(150);
    expect(num(by.user?.mean)).toBeLessThan(280);
    expect(num(by.assistant?.mean)).toBeGreaterThan(650);
    expect(num(by.assistant?.mean)).toBeLessThan(950);
    expect(num(by.assistant?.max)).toBeGreaterThan(3000);
    expect(num(by.user?.empty)).toBe(0);
    expect(num(by.assistant?.empty)).toBeGreaterThan(0.001);
    expect(num(by.assistant?.empty)).toBeLessThan(0.01);
  });

  it('mixes markdown: code fences in several languages, tables, lists and links', async () => {
    const fences =
      await db.query(`SELECT DISTINCT regexp_extract(content, '\`\`\`(\\w+)', 1) AS lang
      FROM text_msg WHERE content LIKE '%\`\`\`%'`);
    const languages = fences.map((r) => String(r.lang));
    for (const lang of ['python', 'javascript', 'sql', 'bash', 'rust'])
      expect(languages).toContain(lang);
    const row = await one(`SELECT avg((content LIKE '%|---|%')::INT) AS tables,
        avg((content LIKE '%' || chr(10) || '- %')::INT) AS bullets,
        avg((content LIKE '%https://example.com/%')::INT) AS links,
        avg((content LIKE '## %' OR content LIKE '%' || chr(10) || '## %')::INT) AS headings
      FROM text_msg WHERE role = 'assistant'`);
    for (const key of ['tables', 'bullets', 'links', 'headings']) {
      expect(num(row[key]), key).toBeGreaterThan(0.01);
    }
  });

  it('puts NAME_k placeholders in about half the conversations, correlated with redacted', async () => {
    const row = await one(`WITH c AS (
        SELECT redacted, list_bool_or(list_transform(conversation, m -> m.content LIKE '%NAME\\_1%' ESCAPE '\\')) AS named
        FROM text_d)
      SELECT avg(named::INT) AS named, avg(redacted::INT) AS redacted,
        avg(named::INT) FILTER (WHERE redacted) AS named_if_redacted,
        avg(named::INT) FILTER (WHERE NOT redacted) AS named_if_not
      FROM c`);
    expect(Math.abs(num(row.named) - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(num(row.redacted) - 0.2)).toBeLessThan(0.02);
    expect(num(row.named_if_redacted)).toBeGreaterThan(num(row.named_if_not) + 0.3);
    const roles = await db.query(
      `SELECT DISTINCT role FROM text_msg WHERE content LIKE '%NAME\\_%' ESCAPE '\\'`,
    );
    expect(roles.map((r) => r.role).sort()).toEqual(['assistant', 'user']);
  });
});

describe('moderation', () => {
  it('flags about 5.4% of conversations, with flagged = any category', async () => {
    const row = await one(`SELECT
        avg(list_bool_or(list_transform(openai_moderation, m -> m.flagged))::INT) AS flagged FROM d`);
    expect(Math.abs(num(row.flagged) - 0.054)).toBeLessThan(0.008);
    const anyCategory = CATEGORIES.map((c) => `categories."${c.name}"`).join(' OR ');
    const bad = await one(`SELECT count(*) AS n FROM msg WHERE flagged <> (${anyCategory})`);
    expect(bad.n).toBe('0');
  });

  it('follows the published category mix of flagged conversations', async () => {
    const cols = PARENT_SHARES.map((p, i) => `bool_or(categories."${p.name}")::INT AS c${i}`);
    const avgs = PARENT_SHARES.map((_, i) => `avg(c${i}) AS c${i}`);
    const row =
      await one(`WITH c AS (SELECT ${cols.join(', ')} FROM msg WHERE flagged GROUP BY conversation_id)
      SELECT ${avgs.join(', ')} FROM c`);
    const measured = PARENT_SHARES.map((_, i) => num(row[`c${i}`]));
    expect(measured).toEqual([...measured].sort((a, b) => b - a));
    PARENT_SHARES.forEach((p, i) =>
      expect(Math.abs((measured[i] ?? 0) - p.share), p.name).toBeLessThan(0.04),
    );
    const subs = await one(`SELECT
        count(*) FILTER (WHERE categories."sexual/minors") AS minors,
        count(*) FILTER (WHERE categories."violence/graphic") AS graphic,
        count(*) FILTER (WHERE categories."self-harm/intent") AS intent,
        count(*) FILTER (WHERE categories."harassment/threatening" AND NOT categories.harassment) AS orphan
      FROM msg`);
    expect(num(subs.minors)).toBeGreaterThan(0);
    expect(num(subs.graphic)).toBeGreaterThan(0);
    expect(num(subs.intent)).toBeGreaterThan(0);
    expect(num(subs.orphan)).toBe(0);
  });

  it('shapes attempts and successes per model like the paper (vicuna 3.2% / 2.7%)', async () => {
    const rows = await db.query(
      `SELECT model, count(DISTINCT conversation_id) AS n FROM msg GROUP BY 1`,
    );
    const flagged = await db.query(`SELECT model,
        count(DISTINCT conversation_id) FILTER (WHERE role = 'user') AS attempts,
        count(DISTINCT conversation_id) FILTER (WHERE role = 'assistant') AS successes
      FROM msg WHERE flagged GROUP BY 1`);
    const total = Object.fromEntries(rows.map((r) => [String(r.model), num(r.n)]));
    const rate = (model: string) => {
      const r = flagged.find((f) => f.model === model);
      const n = total[model] ?? NaN;
      return { attempt: num(r?.attempts ?? 0) / n, success: num(r?.successes ?? 0) / n };
    };
    const vicuna = rate('vicuna-13b');
    expect(Math.abs(vicuna.attempt - 0.032)).toBeLessThan(0.004);
    expect(Math.abs(vicuna.success - 0.027)).toBeLessThan(0.004);
    // Closed models refuse more often: fewer of their attempts turn into a flagged answer.
    const closed = ['gpt-4', 'claude-2', 'claude-1', 'claude-instant-1', 'palm-2'].map(rate);
    const closedAttempts = closed.reduce((sum, r) => sum + r.attempt, 0);
    const closedSuccesses = closed.reduce((sum, r) => sum + r.success, 0);
    expect(closedSuccesses / closedAttempts).toBeLessThan(0.6 * (vicuna.success / vicuna.attempt));
  });

  it('keeps scores in [0, 1]: high when flagged, tiny and log-spread otherwise', async () => {
    const union = CATEGORIES.map(
      (c) => `SELECT categories."${c.name}" AS hit, category_scores."${c.name}" AS score FROM msg`,
    ).join(' UNION ALL ');
    const row = await one(`SELECT min(score) AS min, max(score) AS max,
        quantile_cont(score, 0.05) FILTER (WHERE NOT hit) AS clean_p05,
        quantile_cont(score, 0.5) FILTER (WHERE NOT hit) AS clean_median,
        avg((score > 0.05)::INT) FILTER (WHERE NOT hit) AS clean_high,
        min(score) FILTER (WHERE hit) AS hit_min,
        avg((score >= 0.5)::INT) FILTER (WHERE hit) AS hit_high
      FROM (${union})`);
    expect(num(row.min)).toBeGreaterThanOrEqual(0);
    expect(num(row.max)).toBeLessThanOrEqual(1);
    expect(num(row.clean_p05)).toBeLessThan(1e-5);
    expect(num(row.clean_median)).toBeLessThan(0.01);
    expect(num(row.clean_high)).toBeGreaterThan(0.001);
    expect(num(row.clean_high)).toBeLessThan(0.05);
    expect(num(row.hit_min)).toBeGreaterThanOrEqual(0.3);
    expect(num(row.hit_high)).toBeGreaterThan(0.85);
    expect(num(row.hit_high)).toBeLessThan(1);
  });

  it('uses harmless placeholder wording in flagged messages', async () => {
    const row = await one(`SELECT count(*) AS n,
        count(*) FILTER (WHERE content LIKE '%[synthetic placeholder: %would flag as %]%') AS placeholder
      FROM text_msg WHERE flagged`);
    expect(num(row.n)).toBeGreaterThan(0);
    expect(row.placeholder).toBe(row.n);
  });
});
