import type { Page } from '@playwright/test';

/**
 * Code the viewer and list steps run inside the page. Functions passed to `page.evaluate` are sent
 * as source text, so they cannot call helpers of this module: `installProbes` puts the shared ones
 * on `window` once, and every other evaluated function reaches them there.
 */

/** The grid's fixed geometry (src/features/conversations/columns.ts), passed in from Node. */
export interface GridGeometry {
  rowHeight: number;
  headerHeight: number;
}

export interface OpenTiming {
  /** From the click to the DOM holding every message article of the new conversation. */
  attachedMs: number;
  /** From the click to the first animation frame after that: the frame that paints them. */
  frameMs: number;
  messages: number;
  /** The page's `convoscope:open-conversation` measure (viewer mounted to messages in), if any. */
  measureMs: number | null;
}

export interface JumpTiming {
  /** From setting scrollTop to every row in view holding its data. */
  attachedMs: number;
  frameMs: number;
  first: number;
  last: number;
  /** The conversation shown at `first`, for the native side to check it reads the same rows. */
  firstId: string;
  /** The `convoscope:list-window` queries this jump ran (none: it landed on cached windows). */
  windowMs: number[];
}

export interface ScrollResult {
  frames: number;
  durationMs: number;
  intervals: number[];
  pixels: number;
  /** Longest time one row in view stayed a placeholder (or missing), and how many ever did. */
  maxBlankMs: number;
  blankRows: number;
  /** Rows still blank when the watch after the scroll gave up (their times are lower bounds). */
  unfilled: number;
  /** Window queries that ran during the scroll and the watch after it. */
  windowMs: number[];
}

interface Probes {
  grid(): HTMLElement;
  /** The rows the viewport shows below the sticky header, as list positions. */
  visibleRange(grid: HTMLElement, g: GridGeometry): { first: number; last: number };
  /** Positions in view whose row is missing or still a placeholder (`aria-busy`). */
  blankIndexes(grid: HTMLElement, g: GridGeometry): number[];
  /** Resolves at the first DOM change (or frame) after which `check` returns a value. */
  waitFor<T>(check: () => T | null, timeoutMs: number, what: string): Promise<T>;
  nextFrame(): Promise<number>;
  pendingOpen?: Promise<OpenTiming>;
}

type ProbeWindow = Window & { convoscopeBench: Probes };

function installProbes(): void {
  const w = window as unknown as ProbeWindow;
  w.convoscopeBench = {
    pendingOpen: w.convoscopeBench?.pendingOpen,
    grid() {
      const grid = document.querySelector<HTMLElement>('[role="grid"][aria-label="Conversations"]');
      if (!grid) throw new Error('no grid named Conversations');
      return grid;
    },
    visibleRange(grid, g) {
      const count = Number(grid.getAttribute('aria-rowcount')) - 1;
      const top = grid.scrollTop;
      const first = Math.max(0, Math.floor(top / g.rowHeight));
      const bottom = top + grid.clientHeight - g.headerHeight;
      const last = Math.min(count - 1, Math.ceil(bottom / g.rowHeight) - 1);
      return { first, last };
    },
    blankIndexes(grid, g) {
      const { first, last } = this.visibleRange(grid, g);
      const rows = new Map<number, Element>();
      for (const row of grid.querySelectorAll('[role="row"][data-index]')) {
        rows.set(Number(row.getAttribute('data-index')), row);
      }
      const blank: number[] = [];
      for (let i = first; i <= last; i++) {
        const row = rows.get(i);
        if (!row || row.hasAttribute('aria-busy')) blank.push(i);
      }
      return blank;
    },
    waitFor(check, timeoutMs, what) {
      return new Promise((resolve, reject) => {
        let finished = false;
        const finish = (value: ReturnType<typeof check>) => {
          if (finished || value === null) return;
          finished = true;
          observer.disconnect();
          clearTimeout(timer);
          resolve(value);
        };
        const observer = new MutationObserver(() => finish(check()));
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        // Scrolling changes no DOM by itself, so frames are watched too.
        const onFrame = () => {
          if (finished) return;
          finish(check());
          requestAnimationFrame(onFrame);
        };
        requestAnimationFrame(onFrame);
        const timer = setTimeout(() => {
          finished = true;
          observer.disconnect();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs);
        finish(check());
      });
    },
    nextFrame() {
      return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    },
  };
}

export async function installPageProbes(page: Page): Promise<void> {
  // tsx (esbuild keepNames) wraps named inner functions in `__name(...)`, which the page lacks.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.evaluate(installProbes);
}

/** Waits until the grid's rows in view are loaded and no window fetch has ended for `quietMs`. */
export async function settleGrid(page: Page, g: GridGeometry, quietMs = 250): Promise<void> {
  await page.evaluate(
    async ({ g, quietMs }) => {
      const P = (window as unknown as ProbeWindow).convoscopeBench;
      const windows = () => performance.getEntriesByName('convoscope:list-window').length;
      let seen = windows();
      let quietSince = performance.now();
      await P.waitFor(
        () => {
          const grid = document.querySelector<HTMLElement>(
            '[role="grid"][aria-label="Conversations"]',
          );
          const now = performance.now();
          if (windows() !== seen) [seen, quietSince] = [windows(), now];
          if (!grid || grid.getAttribute('aria-busy') === 'true') return null;
          if (P.blankIndexes(grid, g).length > 0) return null;
          return now - quietSince >= quietMs ? true : null;
        },
        120_000,
        'the grid to settle',
      );
    },
    { g, quietMs },
  );
}

/** Scrolls the grid so list position `index` sits in the middle of the viewport. */
export async function scrollGridToRow(page: Page, index: number, g: GridGeometry): Promise<void> {
  await page.evaluate(
    ({ index, g }) => {
      const grid = (window as unknown as ProbeWindow).convoscopeBench.grid();
      const middle = (grid.clientHeight - g.headerHeight) / 2;
      grid.scrollTop = Math.max(0, index * g.rowHeight + g.rowHeight / 2 - middle);
    },
    { index, g },
  );
}

/**
 * Arms the open-conversation timing: the next click anywhere starts it, and it ends when the
 * Conversation region names `id` and holds all of its message articles. Collect with `openTiming`.
 */
export async function armOpenTiming(
  page: Page,
  args: { id: string; row: number; timeoutMs: number },
): Promise<void> {
  await page.evaluate(({ id, row, timeoutMs }) => {
    const P = (window as unknown as ProbeWindow).convoscopeBench;
    let clickedAt: number | null = null;
    document.addEventListener('click', () => (clickedAt = performance.now()), {
      capture: true,
      once: true,
    });
    const messagesIn = (): number | null => {
      const region = document.querySelector('section[aria-label="Conversation"]');
      if (clickedAt === null || !region || region.querySelector('h2')?.textContent !== id) {
        return null;
      }
      const stated = /(\d+) messages/.exec(region.querySelector('header p')?.textContent ?? '');
      if (!stated) return null;
      const expected = Number(stated[1]);
      if (expected === 0) {
        return region.textContent?.includes('This conversation has no messages.') ? 0 : null;
      }
      const articles = region.querySelectorAll('article[data-message]');
      const lastLabel = articles[articles.length - 1]?.getAttribute('aria-label') ?? '';
      return articles.length === expected && lastLabel.endsWith(`message ${expected}`)
        ? expected
        : null;
    };
    P.pendingOpen = (async () => {
      const messages = await P.waitFor(messagesIn, timeoutMs, `the messages of ${id}`);
      const attachedAt = performance.now();
      const frameAt = await P.nextFrame();
      const start = clickedAt!;
      // The measure is taken in an effect after the commit: give it a few frames.
      let measure: PerformanceEntry | undefined;
      for (let i = 0; i < 30 && !measure; i++) {
        measure = performance
          .getEntriesByName('convoscope:open-conversation', 'measure')
          .find(
            (m) =>
              m.startTime >= start &&
              ((m as PerformanceMeasure).detail as { row?: unknown } | null)?.row === row,
          );
        if (!measure) await P.nextFrame();
      }
      return {
        attachedMs: attachedAt - start,
        frameMs: frameAt - start,
        messages,
        measureMs: measure ? measure.duration : null,
      };
    })();
    // A rejection is collected by openTiming; keep it from being reported as unhandled meanwhile.
    P.pendingOpen.catch(() => {});
  }, args);
}

export async function openTiming(page: Page): Promise<OpenTiming> {
  return page.evaluate(() => {
    const P = (window as unknown as ProbeWindow).convoscopeBench;
    if (!P.pendingOpen) throw new Error('openTiming without armOpenTiming');
    return P.pendingOpen;
  });
}

/** Sets the grid's scrollTop to `fraction` of its range and times the rows in view filling in. */
export async function jumpAndTime(
  page: Page,
  args: { fraction: number; g: GridGeometry; timeoutMs: number },
): Promise<JumpTiming> {
  return page.evaluate(async ({ fraction, g, timeoutMs }) => {
    const P = (window as unknown as ProbeWindow).convoscopeBench;
    const grid = P.grid();
    const start = performance.now();
    grid.scrollTop = Math.round(fraction * (grid.scrollHeight - grid.clientHeight));
    await P.waitFor(
      () => (P.blankIndexes(grid, g).length === 0 ? true : null),
      timeoutMs,
      `the rows at ${fraction} of the list`,
    );
    const attachedAt = performance.now();
    const frameAt = await P.nextFrame();
    const { first, last } = P.visibleRange(grid, g);
    const firstRow = grid.querySelector(`[role="row"][data-index="${first}"]`);
    const firstId = firstRow?.querySelectorAll('[role="gridcell"]')[1]?.getAttribute('title');
    if (!firstId) throw new Error(`row ${first} shows no conversation id`);
    const windowMs = performance
      .getEntriesByName('convoscope:list-window', 'measure')
      .filter((m) => m.startTime >= start && m.startTime <= attachedAt)
      .map((m) => Math.round(m.duration * 10) / 10);
    return {
      attachedMs: attachedAt - start,
      frameMs: frameAt - start,
      first,
      last,
      firstId,
      windowMs,
    };
  }, args);
}

/**
 * Scrolls the grid down at `pxPerSecond` for `durationMs`, one step per animation frame, recording
 * every frame and how long each row in view stayed blank; then watches until the rows in view fill
 * in (at most `settleMs`), so a row still blank when the scroll stops is counted too.
 */
export async function scrollAndWatch(
  page: Page,
  args: { g: GridGeometry; pxPerSecond: number; durationMs: number; settleMs: number },
): Promise<ScrollResult> {
  return page.evaluate(({ g, pxPerSecond, durationMs, settleMs }) => {
    const P = (window as unknown as ProbeWindow).convoscopeBench;
    const grid = P.grid();
    const blankSince = new Map<number, number>();
    const everBlank = new Set<number>();
    const stamps: number[] = [];
    let maxBlankMs = 0;
    let position = grid.scrollTop;
    const track = (now: number) => {
      const blank = new Set(P.blankIndexes(grid, g));
      for (const i of blank) {
        if (!blankSince.has(i)) blankSince.set(i, now);
        everBlank.add(i);
      }
      for (const [i, since] of blankSince) {
        if (blank.has(i)) continue;
        maxBlankMs = Math.max(maxBlankMs, now - since);
        blankSince.delete(i);
      }
    };
    return new Promise<ScrollResult>((resolve) => {
      const finish = (now: number) => {
        for (const since of blankSince.values()) maxBlankMs = Math.max(maxBlankMs, now - since);
        const intervals = stamps.slice(1).map((t, i) => t - stamps[i]!);
        resolve({
          frames: stamps.length,
          durationMs: stamps[stamps.length - 1]! - stamps[0]!,
          intervals,
          pixels: grid.scrollTop - startTop,
          maxBlankMs,
          blankRows: everBlank.size,
          unfilled: blankSince.size,
          windowMs: performance
            .getEntriesByName('convoscope:list-window', 'measure')
            .filter((m) => m.startTime >= stamps[0]!)
            .map((m) => m.duration),
        });
      };
      const startTop = grid.scrollTop;
      const scrolling = (now: number) => {
        // What the previous frame painted, at the position it painted.
        track(now);
        const previous = stamps[stamps.length - 1];
        stamps.push(now);
        if (previous !== undefined) {
          position += (pxPerSecond * (now - previous)) / 1000;
          grid.scrollTop = position;
        }
        if (now - stamps[0]! < durationMs) requestAnimationFrame(scrolling);
        else requestAnimationFrame(settling);
      };
      const settling = (now: number) => {
        track(now);
        if (blankSince.size === 0 || now - stamps[stamps.length - 1]! > settleMs) finish(now);
        else requestAnimationFrame(settling);
      };
      requestAnimationFrame(scrolling);
    });
  }, args);
}

/**
 * Edits the URL's search params as the app does (`pushSearchParams`): no reload. `fromDataOnly`
 * first drops every param but `data` (filters, search, sort, view left by earlier steps).
 */
export async function navigateInPage(
  page: Page,
  set: Record<string, string | null>,
  { fromDataOnly = false } = {},
) {
  await page.evaluate(
    ({ set, fromDataOnly }) => {
      const url = new URL(window.location.href);
      if (fromDataOnly)
        for (const name of [...new Set(url.searchParams.keys())])
          if (name !== 'data') url.searchParams.delete(name);
      for (const [name, value] of Object.entries(set)) {
        if (value === null) url.searchParams.delete(name);
        else url.searchParams.set(name, value);
      }
      window.history.pushState(window.history.state, '', url);
      window.dispatchEvent(new Event('convoscope:navigate'));
    },
    { set, fromDataOnly },
  );
}
