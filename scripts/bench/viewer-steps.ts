import type { DuckDBConnection } from '@duckdb/node-api';
import type { Page } from '@playwright/test';
import { HEADER_HEIGHT, ROW_HEIGHT } from '../../src/features/conversations/columns';
import { buildConversationSummaryQuery } from '../../src/sql/conversation-summary';
import { buildConversationWindowQuery } from '../../src/sql/conversation-window';
import { NATURAL_ORDER, type ConversationSort } from '../../src/model/sorts';
import type { SqlQuery } from '../../src/sql/query';
import { quoteString } from '../../src/sql/quote';
import type { BrowserSession } from './browser';
import type { NativeSession } from './native';
import {
  armOpenTiming,
  installPageProbes,
  jumpAndTime,
  navigateInPage,
  openTiming,
  scrollAndWatch,
  scrollGridToRow,
  settleGrid,
  type GridGeometry,
  type JumpTiming,
  type OpenTiming,
} from './page-probes';
import { median } from './report';
import type { BenchStep, Sample } from './steps';
import { frameStats, spreadPicks, tenths } from './viewer-stats';

const GEOMETRY: GridGeometry = { rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT };
/** src/features/conversations/conversation-queries.ts (not imported: it pulls in the engine). */
const WINDOW_SIZE = 200;
const OPENS = 20;
const OPEN_SEED = 20261126;
const WAIT_MS = 120_000;
/** Where the jumps land, as fractions of the list: around the middle, each in its own window. */
const JUMPS = [0.5, 0.35, 0.65, 0.45, 0.55];
const SCROLL = { startFraction: 0.1, pxPerSecond: 3000, durationMs: 5000, settleMs: 10_000 };
const BY_MAX_SCORE: ConversationSort = { key: 'max_score', direction: 'desc' };

/** What the browser side of a run saw, so the native side does the same work and checks it. */
const opened: { row: number; id: string; messages: number }[] = [];
const jumped = new Map<string, JumpTiming[]>();

/** Only the dataset in the URL (no filters, search, sort or selection left by earlier steps). */
async function showList(page: Page, sort: ConversationSort) {
  await navigateInPage(page, { sort: sortParamOf(sort) }, { fromDataOnly: true });
  await page.getByRole('grid', { name: 'Conversations' }).waitFor({ timeout: WAIT_MS });
  await settleGrid(page, GEOMETRY);
}

const sortParamOf = (sort: ConversationSort) =>
  sort.key === NATURAL_ORDER.key && sort.direction === NATURAL_ORDER.direction
    ? null
    : `${sort.key}.${sort.direction}`;

async function runPrepared(conn: DuckDBConnection, query: SqlQuery) {
  const statement = await conn.prepare(query.sql);
  query.params.forEach((value, i) => {
    if (value === null) statement.bindNull(i + 1);
    else if (typeof value === 'boolean') statement.bindBoolean(i + 1, value);
    else if (typeof value === 'number' && Number.isInteger(value))
      statement.bindBigInt(i + 1, BigInt(value));
    else if (typeof value === 'number') statement.bindDouble(i + 1, value);
    else statement.bindVarchar(i + 1, value);
  });
  return (await statement.runAndReadAll()).getRowObjectsJS();
}

const medianOf = (values: readonly number[]) => tenths(median(values));

/** Clicks 20 rows spread over the list, each timed from the click to its messages on screen. */
async function openInBrowser({ page, ready }: BrowserSession): Promise<Sample> {
  await installPageProbes(page);
  await showList(page, NATURAL_ORDER);
  const grid = page.getByRole('grid', { name: 'Conversations' });
  const timings: (OpenTiming & { row: number; id: string })[] = [];
  opened.length = 0;
  for (const row of spreadPicks(ready.rows, OPENS, OPEN_SEED)) {
    await scrollGridToRow(page, row, GEOMETRY);
    await settleGrid(page, GEOMETRY);
    // In the unfiltered natural order, list position `row` is the conversation with that ordinal.
    const target = grid.locator(`[role="row"][data-index="${row}"]:not([aria-busy])`);
    const id = await target.getByRole('gridcell').nth(1).getAttribute('title');
    if (!id) throw new Error(`row ${row} shows no conversation id`);
    await armOpenTiming(page, { id, row, timeoutMs: WAIT_MS });
    await target.click();
    const timing = await openTiming(page);
    timings.push({ row, id, ...timing });
    opened.push({ row, id, messages: timing.messages });
  }
  const measures = timings.map((t) => t.measureMs).filter((ms): ms is number => ms !== null);
  return {
    ms: median(timings.map((t) => t.frameMs)),
    extra: {
      clickToFrameMedianMs: medianOf(timings.map((t) => t.frameMs)),
      clickToAttachedMedianMs: medianOf(timings.map((t) => t.attachedMs)),
      openMeasureMedianMs: measures.length ? medianOf(measures) : null,
      firstOpenMs: tenths(timings[0]!.frameMs),
      opens: timings.map((t) => ({
        row: t.row,
        id: t.id,
        messages: t.messages,
        frameMs: tenths(t.frameMs),
        attachedMs: tenths(t.attachedMs),
        measureMs: t.measureMs === null ? null : tenths(t.measureMs),
      })),
    },
  };
}

/** Compressed bytes of the text and moderation leaves of every row group holding a pick. */
async function rowGroupBytes(
  conn: DuckDBConnection,
  picks: readonly { path: string; shardRow: number }[],
): Promise<number> {
  let total = 0;
  for (const { path, shardRow } of picks) {
    const [row] = await runPrepared(conn, {
      sql: `WITH groups AS (
  SELECT row_group_id, any_value(row_group_num_rows) AS n,
    sum(total_compressed_size) FILTER (
      WHERE path_in_schema LIKE 'conversation,%' OR path_in_schema LIKE 'openai_moderation,%'
    ) AS bytes
  FROM parquet_metadata(${quoteString(path)}) GROUP BY row_group_id
), placed AS (
  SELECT bytes, sum(n) OVER (ORDER BY row_group_id) - n AS first_row, n FROM groups
)
SELECT bytes::BIGINT AS bytes FROM placed WHERE ? >= first_row AND ? < first_row + n`,
      params: [shardRow, shardRow],
    });
    total += Number(row?.bytes ?? 0);
  }
  return total;
}

/**
 * The same 20 conversations: their `conversations` row by id (what the viewer looks up first), then
 * the row's `conversation` and `openai_moderation` from its shard. The `file_row_number` filter
 * reaches the reader, which skips every other row group (a whole shard is several seconds; this is
 * tens of ms), so native reads one row group per open as the browser does.
 */
async function openInNative(session: NativeSession): Promise<Sample> {
  const { connection: conn, dataset } = session;
  const picks = spreadPicks(dataset.rows, OPENS, OPEN_SEED);
  const located = await runPrepared(conn, {
    sql: `SELECT row, conversation_id, shard, shard_row FROM conversations
WHERE row IN (${picks.map(() => '?').join(', ')})`,
    params: picks,
  });
  const byRow = new Map(located.map((r) => [Number(r.row), r]));
  const lookups: number[] = [];
  const reads: number[] = [];
  const targets: { path: string; shardRow: number }[] = [];
  for (const row of picks) {
    const found = byRow.get(row);
    if (!found) throw new Error(`native conversations has no row ${row}`);
    const id = String(found.conversation_id);
    const browser = opened.find((o) => o.row === row);
    if (browser && browser.id !== id) {
      throw new Error(`row ${row}: the browser opened ${browser.id}, native has ${id}`);
    }
    const path = dataset.shards[Number(found.shard)]!.path;
    const started = performance.now();
    const [summary] = await runPrepared(conn, buildConversationSummaryQuery(id));
    const looked = performance.now();
    const [text] = await runPrepared(conn, {
      sql: `SELECT conversation, openai_moderation
FROM read_parquet(${quoteString(path)}, file_row_number = true) WHERE file_row_number = ?`,
      params: [Number(summary!.shard_row)],
    });
    reads.push(performance.now() - looked);
    lookups.push(looked - started);
    const messages = (text?.conversation as unknown[] | null)?.length ?? 0;
    if (browser && browser.messages !== messages) {
      throw new Error(
        `${id}: the browser showed ${browser.messages} messages, native read ${messages}`,
      );
    }
    targets.push({ path, shardRow: Number(summary!.shard_row) });
  }
  return {
    ms: median(lookups.map((ms, i) => ms + reads[i]!)),
    bytes: await rowGroupBytes(conn, targets),
    extra: { lookupMedianMs: medianOf(lookups), readMedianMs: medianOf(reads) },
  };
}

function listJumpStep(id: string, label: string, sort: ConversationSort): BenchStep {
  return {
    id,
    label,
    budget: { kind: 'none' },
    async ours({ page }) {
      await installPageProbes(page);
      await showList(page, sort);
      const jumps: JumpTiming[] = [];
      for (const fraction of JUMPS) {
        jumps.push(await jumpAndTime(page, { fraction, g: GEOMETRY, timeoutMs: WAIT_MS }));
        // The next window's prefetch ends before the next jump starts.
        await settleGrid(page, GEOMETRY);
      }
      jumped.set(id, jumps);
      // A jump onto windows an earlier step left in the query cache measures no query at all.
      const fetched = jumps.filter((j) => j.windowMs.length > 0);
      return {
        ms: median((fetched.length ? fetched : jumps).map((j) => j.frameMs)),
        extra: {
          cacheHits: jumps.length - fetched.length,
          attachedMedianMs: medianOf(jumps.map((j) => j.attachedMs)),
          jumps: jumps.map((j) => ({
            ...j,
            attachedMs: tenths(j.attachedMs),
            frameMs: tenths(j.frameMs),
          })),
        },
      };
    },
    // The windows that hold the rows each jump showed, each read by OFFSET as a jump's first is.
    async native({ connection }) {
      const all = jumped.get(id);
      if (!all) throw new Error(`${id}: no browser jumps to replay`);
      const fetched = all.filter((j) => j.windowMs.length > 0);
      const jumps = fetched.length ? fetched : all;
      const times: number[] = [];
      for (const jump of jumps) {
        let ms = 0;
        const first = Math.floor(jump.first / WINDOW_SIZE);
        for (let w = first; w <= Math.floor(jump.last / WINDOW_SIZE); w++) {
          const started = performance.now();
          const rows = await runPrepared(
            connection,
            buildConversationWindowQuery({ sort, offset: w * WINDOW_SIZE, limit: WINDOW_SIZE }),
          );
          ms += performance.now() - started;
          const shown =
            w === first ? rows[jump.first - w * WINDOW_SIZE]?.conversation_id : undefined;
          if (w === first && shown !== jump.firstId) {
            throw new Error(
              `${id}: row ${jump.first} is ${jump.firstId} in the browser, ${String(shown)} natively`,
            );
          }
        }
        times.push(ms);
      }
      return { ms: median(times) };
    },
  };
}

function listScrollStep(id: string, label: string, sort: ConversationSort): BenchStep {
  return {
    id,
    label,
    budget: { kind: 'median-ms', max: 200 },
    async ours({ page, ready }) {
      await installPageProbes(page);
      await showList(page, sort);
      await scrollGridToRow(page, Math.floor(ready.rows * SCROLL.startFraction), GEOMETRY);
      await settleGrid(page, GEOMETRY);
      const { intervals, windowMs, ...result } = await scrollAndWatch(page, {
        g: GEOMETRY,
        ...SCROLL,
      });
      const frames = frameStats(intervals);
      return {
        ms: result.maxBlankMs,
        extra: {
          ...result,
          fps: tenths(frames.fps),
          droppedFrames: frames.dropped,
          medianFrameMs: tenths(frames.medianIntervalMs),
          longestFrameMs: tenths(frames.longestIntervalMs),
          maxBlankMs: tenths(result.maxBlankMs),
          durationMs: tenths(result.durationMs),
          windowsFetched: windowMs.length,
          windowMedianMs: windowMs.length ? medianOf(windowMs) : null,
          windowMaxMs: windowMs.length ? tenths(Math.max(...windowMs)) : null,
        },
      };
    },
  };
}

/**
 * In this order: opening conversations scrolls the natural order to 20 places and leaves their
 * windows in the page's query cache, which would turn later jumps or scrolls there into cache hits.
 */
export const VIEWER_STEPS: BenchStep[] = [
  listJumpStep('list-jump', 'jump to mid-list, natural order', NATURAL_ORDER),
  listJumpStep('list-jump-max-score', 'jump to mid-list, max_score.desc', BY_MAX_SCORE),
  listScrollStep('list-scroll', 'scroll 5 s: longest blank row, natural', NATURAL_ORDER),
  listScrollStep('list-scroll-max-score', 'scroll 5 s: longest blank row, max_score', BY_MAX_SCORE),
  {
    id: 'open-conversation',
    label: `open a conversation (median of ${OPENS})`,
    budget: { kind: 'median-ms', max: 150 },
    nativeBytesEstimated: true,
    ours: openInBrowser,
    native: openInNative,
  },
];
