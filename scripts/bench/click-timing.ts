import type { DuckDBConnection } from '@duckdb/node-api';
import type { Locator, Page } from '@playwright/test';
import { prepareBound } from '../../src/db/testing/node-shards';
import type { SqlQuery } from '../../src/sql/query';

const UPDATE_TIMEOUT_MS = 60_000;

/**
 * Runs in the page: resolves with the milliseconds from the next click anywhere on the page to the
 * first frame after the section named `label` has been busy (`aria-busy`) and is not any more.
 */
function armTiming({ label, timeoutMs }: { label: string; timeoutMs: number }): Promise<number> {
  return new Promise((resolve, reject) => {
    const section = document.querySelector(`section[aria-label="${label}"]`);
    if (!section) return reject(new Error(`no ${label} section on the page`));
    let start: number | undefined;
    let sawBusy = false;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the ${label} section did not finish updating`));
    }, timeoutMs);
    document.addEventListener('click', () => (start = performance.now()), {
      capture: true,
      once: true,
    });
    const observer = new MutationObserver(() => {
      const busy = section.getAttribute('aria-busy') === 'true';
      if (busy) sawBusy = true;
      else if (sawBusy && start !== undefined) {
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve(performance.now() - start!));
      }
    });
    observer.observe(section, { attributes: true, attributeFilter: ['aria-busy'] });
  });
}

/** Clicks `target` and times it until the section named `label` has updated and painted. */
export async function timeClickUntilSettled(
  page: Page,
  target: Locator,
  label: string,
): Promise<number> {
  await target.scrollIntoViewIfNeeded();
  const timing = page.evaluate(armTiming, { label, timeoutMs: UPDATE_TIMEOUT_MS });
  // Let the observer attach before the click.
  await page.evaluate(() => new Promise(requestAnimationFrame));
  await target.click();
  return timing;
}

/** Milliseconds for native DuckDB to run one builder's statement with its parameters bound. */
export async function timePrepared(connection: DuckDBConnection, query: SqlQuery): Promise<number> {
  const started = performance.now();
  await (await prepareBound(connection, query)).runAndReadAll();
  return performance.now() - started;
}
