import type { Page } from '@playwright/test';
import type { BrowserSession } from './browser';
import { median } from './report';
import type { BenchStep } from './steps';

/** When Cancel is clicked, after the scan started: early, mid-way and late in a 1M-row scan. */
const CANCEL_AFTER_MS = [200, 2_000, 8_000];
/** In every conversation: the scan cannot end early, so Cancel always meets a running scan. */
const BROAD_WORD = 'the';

/** Records the longest gap between animation frames in `window.__frames` until `stop` is set. */
const FRAME_RECORDER = `(() => {
  const frames = (window.__frames = { longest: 0, stop: false });
  let last = performance.now();
  const tick = (now) => {
    frames.longest = Math.max(frames.longest, now - last);
    last = now;
    if (!frames.stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

interface CancelTiming {
  /** From the click on Cancel to the first frame after the page says the search was cancelled. */
  cancelMs: number;
  /** Longest gap between animation frames while the scan ran: how responsive the page stayed. */
  longestFrameMs: number;
}

/** Runs a broad search, clicks Cancel `afterMs` into it, and times the way back to idle. */
async function cancelAfter(page: Page, afterMs: number): Promise<CancelTiming | null> {
  const box = page.getByRole('searchbox', { name: 'Search conversations' });
  // A string, not a function: tsx would wrap the named callback in a helper the page lacks.
  await page.evaluate(FRAME_RECORDER);
  await box.fill(BROAD_WORD);
  await box.press('Enter');
  await page.getByRole('progressbar', { name: 'Searching' }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(afterMs);
  const cancel = page.getByRole('button', { name: 'Cancel search' });
  // A small dataset's scan may be over already: nothing to cancel at this point.
  if (!(await cancel.isVisible())) {
    await box.fill('');
    await box.press('Enter');
    return null;
  }
  await cancel.evaluate((button) =>
    button.addEventListener(
      'click',
      () => ((window as unknown as { __cancelAt: number }).__cancelAt = performance.now()),
      { once: true },
    ),
  );
  await cancel.click();
  const timing = await page
    .waitForFunction(
      (word) => {
        if (!document.body.textContent?.includes(`Search for “${word}” cancelled.`)) return null;
        const w = window as unknown as {
          __cancelAt: number;
          __frames: { longest: number; stop: boolean };
        };
        return new Promise<CancelTiming>((resolve) =>
          requestAnimationFrame((now) => {
            w.__frames.stop = true;
            resolve({ cancelMs: now - w.__cancelAt, longestFrameMs: w.__frames.longest });
          }),
        );
      },
      BROAD_WORD,
      { timeout: 60_000, polling: 'raf' },
    )
    .then((h) => h.jsonValue() as Promise<CancelTiming>);
  // Leave the page as it was for any later line.
  await box.fill('');
  await box.press('Enter');
  return timing;
}

/**
 * Issue "Reliability and security": a search over the whole 1M-row dataset can be cancelled at any
 * point and leaves the app responsive. Cancel is clicked 0.2, 2 and 8 s into a scan that matches
 * every conversation; the line is the median time back to idle. No native counterpart: DuckDB's
 * interrupt is not the same operation.
 */
export const searchCancelStep: BenchStep = {
  id: 'search-cancel',
  label: 'search cancelled mid-scan: click to idle (median of 3)',
  budget: { kind: 'none' },
  ours: async ({ page }: BrowserSession) => {
    const timings: (CancelTiming & { afterMs: number })[] = [];
    for (const afterMs of CANCEL_AFTER_MS) {
      const timing = await cancelAfter(page, afterMs);
      if (timing) timings.push({ afterMs, ...timing });
    }
    if (timings.length === 0) throw new Error('every scan ended before Cancel could be clicked');
    return {
      ms: median(timings.map((t) => t.cancelMs)),
      extra: { timings, longestFrameMs: Math.max(...timings.map((t) => t.longestFrameMs)) },
    };
  },
};
