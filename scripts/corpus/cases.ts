import { quoteString } from '../../src/sql/quote';
import {
  firstConversation,
  message,
  messages,
  moderationEntry,
  moderationList,
  moderationWithCategories,
} from './sql-parts';

/**
 * The bad-input corpus: each case is one or more files made by make-corpus.ts, paired with what the
 * app must do when they are opened through Open data. e2e/corpus.spec.ts checks every case, and
 * docs/reliability.md lists them; adding a case here adds its check.
 */
export interface CorpusFile {
  name: string;
  /** A SELECT over the view `base` (a valid generated shard, row number `n`), written as parquet... */
  sql?: string;
  /** ...or these bytes, made from the base shard's bytes. */
  bytes?: (base: Buffer) => Buffer;
}

/** Refused: an alert that contains each of these (it always names the file too). */
export interface Refused {
  kind: 'refused';
  mentions: string[];
}

/** Opens: the count shown equals native DuckDB's count over the files, plus the checks below. */
export interface Opens {
  kind: 'opens';
  /** The list's first conversation, opened in the viewer. */
  first?: {
    /** How many messages it shows; without it, at least one. */
    messages?: number;
    /** Texts shown in the viewer exactly as stored (raw markup included). */
    shows?: string[];
    /** 1-based numbers of messages shown without a moderation result. */
    noModeration?: number[];
    /** Messages (1-based) shown as flagged / not flagged. */
    flagged?: number[];
    notFlagged?: number[];
    /** Score cells of message 1 ("Scores" list), category -> text shown. */
    scores?: Record<string, string>;
    /** A long message: the "Show all (N characters)" button, then this text once expanded. */
    showAll?: { characters: number; thenShows: string };
    /** The element holding this text reads right to left by itself (`dir="auto"`). */
    autoDirection?: string;
    /** The dataset content tries to run script: check nothing ran and no link is dangerous. */
    hostile?: true;
  };
  /** A facet lists this many values, and finding one value and checking it narrows to it. */
  facet?: { group: 'Language' | 'Model'; values: number; find: string };
  /** Checking this model narrows the count to native DuckDB's count of its rows. */
  filterModel?: string;
  /**
   * The first two rows of the list share one conversation id, each with its own model and text
   * (the second flagged): a click, Enter or a link opens the row chosen, never only the first.
   */
  sharedId?: { first: SharedIdRow; second: SharedIdRow };
}

/** What one of the rows sharing an id shows: the list's model cell, and its one user message. */
export interface SharedIdRow {
  model: string;
  text: string;
  flagged: boolean;
}

export interface CorpusCase {
  id: string;
  /** What the case is, for docs/reliability.md. */
  about: string;
  files: CorpusFile[];
  outcome: Refused | Opens;
}

const parquet = (id: string, sql: string): CorpusFile[] => [{ name: `${id}.parquet`, sql }];
const raw = (id: string, bytes: (base: Buffer) => Buffer): CorpusFile[] => [
  { name: `${id}.parquet`, bytes },
];
const refused = (...mentions: string[]): Refused => ({ kind: 'refused', mentions });

/** A 1x1 PNG: an image given a .parquet name. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** The footer's length, from the 4 bytes before the closing PAR1. */
const footerLength = (bytes: Buffer) => bytes.readUInt32LE(bytes.length - 8);

const REQUIRED = [
  ['conversation_id', 'string'],
  ['model', 'string'],
  ['conversation', 'list<struct<content: string, role: string>>'],
  ['turn', 'integer'],
  ['language', 'string'],
  ['openai_moderation', 'list<struct<categories'],
] as const;

/** The two rows of `duplicate-ids`: the list's first row, and the second with its id. */
const SHARED_ID = {
  first: {
    model: 'shared-id-first-model',
    text: 'The first row of the shared id.',
    flagged: false,
  },
  second: {
    model: 'shared-id-second-model',
    text: 'The second row of the shared id.',
    flagged: true,
  },
};
export const SQL_MODEL = `o'brien"; DROP TABLE conversations; --`;
export const LANGUAGE_COUNT = 170;
const LONG_WORDS = 'lorem ipsum dolor sit amet ';
const LONG_REPEATS = 38_836;
export const LONG_MESSAGE = `BEGIN-1MB ${LONG_WORDS.repeat(LONG_REPEATS)}END-1MB`;
const RTL = 'مرحبا، كيف حالك اليوم؟ שלום עולם';
const EMOJI = 'family 👩‍👩‍👧‍👦, thumbs 👍🏽, flag 🇺🇳, e\u0301 and Z\u0324\u0308 with combining marks';
const CONTROL =
  'zero\u200Bwidth\u200Djoiner\u2060word bell\u0007 escape\u001B[31mred\u001B[0m bidi\u202Eoverride\u202C end';

/** Script and remote content in every form markdown or HTML can carry it; none may run or load. */
export const HOSTILE_MESSAGES = [
  `<script>__xss('script')</script> and <img src=x onerror="__xss('img')">`,
  `<svg onload="__xss('svg')"><circle r="4"/></svg> <iframe src="javascript:__xss('iframe')"></iframe>`,
  `[click me](javascript:__xss('link')) and [data link](data:text/html,<script>__xss('data')</script>) and <a href="javascript:__xss('a')">raw anchor</a>`,
  `![remote](https://evil.example/x.png) <img src="https://evil.example/y.png"> [vb](vbscript:msgbox(1))`,
  `<details open ontoggle="__xss('details')">x</details> <style>body{display:none}</style> <form><input autofocus onfocus="__xss('focus')"></form>`,
];

export const CORPUS_CASES: CorpusCase[] = [
  // Files that are not parquet at all, or broken parquet.
  {
    id: 'text-file',
    about: 'a CSV text file named .parquet',
    files: raw('text-file', () => Buffer.from('conversation_id,model\n1,gpt-4\n')),
    outcome: refused('is not a parquet file', 'PAR1'),
  },
  {
    id: 'image-file',
    about: 'a PNG image named .parquet',
    files: raw('image-file', () => PNG),
    outcome: refused('is not a parquet file', 'PAR1'),
  },
  {
    id: 'empty-file',
    about: 'an empty file (0 bytes)',
    files: raw('empty-file', () => Buffer.alloc(0)),
    outcome: refused('is empty'),
  },
  {
    id: 'truncated',
    about: 'a valid shard cut in half (the footer is gone)',
    files: raw('truncated', (base) => base.subarray(0, Math.floor(base.length / 2))),
    outcome: refused('is not a parquet file', 'PAR1'),
  },
  {
    id: 'corrupt-footer',
    about: 'the footer overwritten with garbage (length and PAR1 kept)',
    files: raw('corrupt-footer', (base) => {
      const out = Buffer.from(base);
      out.fill(0xff, out.length - 8 - footerLength(out), out.length - 8);
      return out;
    }),
    outcome: refused('could not be read as parquet'),
  },
  {
    id: 'footer-length-lies',
    about: 'the footer length claims more bytes than the file has',
    files: raw('footer-length-lies', (base) => {
      const out = Buffer.from(base);
      out.writeUInt32LE(out.length * 4, out.length - 8);
      return out;
    }),
    outcome: refused('could not be read as parquet'),
  },
  // Wrong schemas.
  ...REQUIRED.map(([column, expected]): CorpusCase => ({
    id: `missing-${column}`,
    about: `the required column \`${column}\` is missing`,
    files: parquet(`missing-${column}`, `SELECT * EXCLUDE (${column}) FROM base`),
    outcome: refused(`column "${column}" is missing`, `expected ${expected}`),
  })),
  {
    id: 'wrong-type-model',
    about: '`model` is an integer',
    files: parquet(
      'wrong-type-model',
      'SELECT * REPLACE (length(model)::INTEGER AS model) FROM base',
    ),
    outcome: refused('column "model" has the wrong type', 'expected string', 'found Int32'),
  },
  {
    id: 'wrong-type-turn',
    about: '`turn` is text',
    files: parquet('wrong-type-turn', 'SELECT * REPLACE (turn::VARCHAR AS turn) FROM base'),
    outcome: refused('column "turn" has the wrong type', 'expected integer', 'found Utf8'),
  },
  {
    id: 'wrong-type-conversation',
    about: '`conversation` is a JSON string instead of a list of messages',
    files: parquet(
      'wrong-type-conversation',
      'SELECT * REPLACE (to_json(conversation)::VARCHAR AS conversation) FROM base',
    ),
    outcome: refused('column "conversation" has the wrong type', 'found Utf8'),
  },
  {
    id: 'missing-category',
    about: 'moderation entries without the `sexual` category (a schema without it)',
    files: parquet(
      'missing-category',
      `SELECT * REPLACE (${moderationWithCategories((c) => c !== 'sexual')} AS openai_moderation) FROM base`,
    ),
    outcome: refused('column "openai_moderation.categories.sexual" is missing or not a boolean'),
  },
  {
    id: 'zero-rows',
    about: 'a valid schema and no rows',
    files: parquet('zero-rows', 'SELECT * FROM base LIMIT 0'),
    outcome: refused('contains no rows'),
  },
  {
    id: 'mixed-schemas',
    about: 'two shards, the second with a column the first lacks',
    files: [
      { name: 'mixed-schemas-a.parquet', sql: 'SELECT * FROM base' },
      { name: 'mixed-schemas-b.parquet', sql: "SELECT *, 'x' AS extra_note FROM base" },
    ],
    outcome: refused('column "extra_note" is in this file but not in mixed-schemas-a.parquet'),
  },
  // Valid but unusual data: opens, and reads right.
  {
    id: 'extra-columns',
    about: 'unknown extra columns of several types',
    files: parquet(
      'extra-columns',
      "SELECT *, 'x' AS extra_note, 42 AS extra_number, [1, 2] AS extra_list, {'a': 1} AS extra_struct FROM base",
    ),
    outcome: { kind: 'opens', first: {} },
  },
  {
    id: 'all-null-columns',
    about: '`model`, `language`, `turn` and `redacted` null in every row',
    files: parquet(
      'all-null-columns',
      `SELECT * REPLACE (NULL::VARCHAR AS model, NULL::VARCHAR AS language, NULL::BIGINT AS turn,
         NULL::BOOLEAN AS redacted) FROM base`,
    ),
    outcome: { kind: 'opens', first: {} },
  },
  {
    id: 'null-conversation',
    about: 'a conversation that is NULL (its moderation too)',
    files: parquet('null-conversation', firstConversation('NULL', 'NULL', 1)),
    outcome: { kind: 'opens', first: { messages: 0 } },
  },
  {
    id: 'empty-conversation',
    about: 'a conversation that is an empty list (its moderation too)',
    files: parquet('empty-conversation', firstConversation('[]', '[]', 0)),
    outcome: { kind: 'opens', first: { messages: 0 } },
  },
  {
    id: 'moderation-shorter',
    about: 'four messages and one moderation entry',
    files: parquet(
      'moderation-shorter',
      firstConversation(
        messages(['first question', 'first answer', 'second question', 'second answer']),
        moderationList(1, moderationEntry({ flagged: true, score: 0.9 })),
        2,
      ),
    ),
    outcome: {
      kind: 'opens',
      first: { messages: 4, flagged: [1], noModeration: [2, 3, 4], shows: ['second answer'] },
    },
  },
  {
    id: 'moderation-longer',
    about: 'two messages and four moderation entries (the extra two flagged)',
    files: parquet(
      'moderation-longer',
      firstConversation(
        messages(['only question', 'only answer']),
        `${moderationList(2)} || ${moderationList(2, moderationEntry({ flagged: true, score: 0.95 }))}`,
        1,
      ),
    ),
    outcome: { kind: 'opens', first: { messages: 2, notFlagged: [1, 2], shows: ['only answer'] } },
  },
  {
    id: 'moderation-null-categories',
    about: 'moderation entries whose categories and scores are NULL (flagged kept)',
    files: parquet(
      'moderation-null-categories',
      firstConversation(
        messages(['a question', 'an answer']),
        `list_transform(${moderationList(2, moderationEntry({ flagged: true }))},
           m -> {'categories': CASE WHEN false THEN m.categories END,
                 'category_scores': CASE WHEN false THEN m.category_scores END,
                 'flagged': m.flagged})`,
        1,
      ),
    ),
    outcome: {
      kind: 'opens',
      first: { messages: 2, flagged: [1, 2], scores: { harassment: '–', sexual: '–' } },
    },
  },
  {
    id: 'scores-invalid',
    about: 'scores above 1, below 0, NaN and infinite',
    files: parquet(
      'scores-invalid',
      firstConversation(
        messages(['score me', 'scored']),
        moderationList(
          2,
          moderationEntry({
            scores: {
              harassment: '1.5::DOUBLE',
              hate: '-0.25::DOUBLE',
              sexual: "'NaN'::DOUBLE",
              violence: "'Infinity'::DOUBLE",
            },
          }),
        ),
        1,
      ),
    ),
    outcome: {
      kind: 'opens',
      first: {
        messages: 2,
        scores: {
          harassment: '1.5 (invalid)',
          hate: '-0.25 (invalid)',
          sexual: 'NaN (invalid)',
          violence: 'Infinity (invalid)',
          'self-harm': '0.001',
        },
      },
    },
  },
  {
    id: 'one-megabyte-message',
    about: 'a message of 1 MB of text',
    files: parquet(
      'one-megabyte-message',
      firstConversation(
        `[{'content': 'BEGIN-1MB ' || repeat('${LONG_WORDS}', ${LONG_REPEATS}) || 'END-1MB', 'role': 'user'}, ${message('assistant', 'that was long')}]`,
        moderationList(2),
        1,
      ),
    ),
    outcome: {
      kind: 'opens',
      first: {
        messages: 2,
        shows: ['BEGIN-1MB lorem ipsum', 'that was long'],
        showAll: { characters: LONG_MESSAGE.length, thenShows: 'END-1MB' },
      },
    },
  },
  {
    id: 'five-hundred-messages',
    about: 'a conversation of 500 messages (message 437 flagged)',
    files: parquet(
      'five-hundred-messages',
      firstConversation(
        `list_transform(range(500), i -> {'content': 'message ' || (i + 1) || ' of 500',
           'role': CASE WHEN i % 2 = 0 THEN 'user' ELSE 'assistant' END})`,
        `list_transform(range(500), i -> ${moderationEntry({ flagged: 'i = 436' })})`,
        250,
      ),
    ),
    outcome: {
      kind: 'opens',
      first: { messages: 500, flagged: [437], notFlagged: [1, 500], shows: ['message 500 of 500'] },
    },
  },
  {
    id: 'rtl-text',
    about: 'Arabic and Hebrew text',
    files: parquet(
      'rtl-text',
      firstConversation(messages([RTL, `English first, then ${RTL}`]), moderationList(2), 1),
    ),
    outcome: { kind: 'opens', first: { messages: 2, shows: [RTL], autoDirection: RTL } },
  },
  {
    id: 'emoji-combining',
    about: 'emoji sequences, flags, skin tones and combining marks',
    files: parquet(
      'emoji-combining',
      firstConversation(messages([EMOJI, 'ok']), moderationList(2), 1),
    ),
    outcome: { kind: 'opens', first: { messages: 2, shows: [EMOJI] } },
  },
  {
    id: 'control-characters',
    about: 'zero-width, bidi-override, bell and ANSI escape characters',
    files: parquet(
      'control-characters',
      firstConversation(messages([CONTROL, 'ok']), moderationList(2), 1),
    ),
    outcome: {
      kind: 'opens',
      first: {
        messages: 2,
        shows: ['zero\u200Bwidth\u200Djoiner\u2060word', 'escape\u001B[31mred'],
      },
    },
  },
  {
    id: 'hostile-markup',
    about:
      'raw HTML, `<script>`, event handlers, `javascript:`/`data:`/`vbscript:` links, remote images (also in `model` and `language`)',
    files: parquet(
      'hostile-markup',
      `SELECT * REPLACE (
         CASE WHEN n = 0 THEN ${messages(HOSTILE_MESSAGES)} ELSE conversation END AS conversation,
         CASE WHEN n = 0 THEN ${moderationList(HOSTILE_MESSAGES.length)} ELSE openai_moderation END AS openai_moderation,
         CASE WHEN n = 0 THEN '<img src=x onerror="__xss(''model'')">' ELSE model END AS model,
         CASE WHEN n = 0 THEN '<script>__xss(''language'')</script>' ELSE language END AS language)
       FROM base`,
    ),
    outcome: {
      kind: 'opens',
      first: {
        messages: HOSTILE_MESSAGES.length,
        shows: [
          `<script>__xss('script')</script>`,
          `<svg onload="__xss('svg')">`,
          `<a href="javascript:__xss('a')">raw anchor</a>`,
          `<img src="https://evil.example/y.png">`,
        ],
        hostile: true,
      },
    },
  },
  {
    id: 'duplicate-ids',
    about: 'two rows with the same conversation id, with other models, text and moderation',
    files: parquet(
      'duplicate-ids',
      `SELECT * REPLACE (
         CASE WHEN n = 1 THEN (SELECT conversation_id FROM base WHERE n = 0)
           ELSE conversation_id END AS conversation_id,
         CASE n WHEN 0 THEN ${quoteString(SHARED_ID.first.model)}
           WHEN 1 THEN ${quoteString(SHARED_ID.second.model)} ELSE model END AS model,
         CASE n WHEN 0 THEN ${messages([SHARED_ID.first.text, 'first answer'])}
           WHEN 1 THEN ${messages([SHARED_ID.second.text, 'second answer'])}
           ELSE conversation END AS conversation,
         CASE n WHEN 0 THEN ${moderationList(2)}
           WHEN 1 THEN ${moderationList(2, moderationEntry({ flagged: true }))}
           ELSE openai_moderation END AS openai_moderation,
         CASE WHEN n < 2 THEN 1 ELSE turn END AS turn)
       FROM base`,
    ),
    outcome: { kind: 'opens', sharedId: SHARED_ID },
  },
  {
    id: 'many-languages',
    about: `${LANGUAGE_COUNT} distinct languages (LMSYS-Chat-1M has 154)`,
    files: parquet(
      'many-languages',
      `SELECT b.* EXCLUDE (n) REPLACE (printf('Language %03d', r.i) AS language,
         md5('language' || r.i) AS conversation_id), r.i AS n
       FROM range(${LANGUAGE_COUNT}) r(i) JOIN base b ON b.n = r.i % 40`,
    ),
    outcome: {
      kind: 'opens',
      facet: { group: 'Language', values: LANGUAGE_COUNT, find: 'Language 123' },
    },
  },
  {
    id: 'sql-model-name',
    about: 'a model name with quotes and SQL keywords',
    files: parquet(
      'sql-model-name',
      `SELECT * REPLACE (CASE WHEN n % 3 = 0 THEN ${"'" + SQL_MODEL.replaceAll("'", "''") + "'"}
         ELSE model END AS model) FROM base`,
    ),
    outcome: { kind: 'opens', filterModel: SQL_MODEL },
  },
];
