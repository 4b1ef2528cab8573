import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/lib/chromium';
import { APP_PORT } from './e2e/ports';

/**
 * Chromium for the tests, with wasm left at V8's baseline compiler (Liftoff): every test page starts
 * DuckDB-WASM afresh, and its optimizing recompiles in the background take the CPU two pages share
 * for queries over a 10,000-row sample. Two sample opens at once took 10.7-14.0 s this way against
 * 14.4-16.8 s with tier-up. Same semantics, so the tests still check what users run; the bench
 * (scripts/bench) keeps Chromium's defaults, since its figures are what users get.
 */
function e2eLaunchOptions() {
  const options = chromiumLaunchOptions();
  if (process.env.E2E_WASM_TIER_UP) return options;
  return { ...options, args: [...options.args, '--js-flags=--liftoff-only'] };
}

/** End-to-end tests run against the production build (`vite build`) served by `vite preview`. */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  // A page compiles DuckDB-WASM before anything shows: 5-10 s on a quiet machine, 30 s and more
  // when the two cores are shared. Generous limits keep a busy machine from failing correct code.
  timeout: 120_000,
  expect: { timeout: 60_000 },
  fullyParallel: true,
  // Two cores: each page compiles 40 MB of wasm, so more than two pages at once only adds waiting.
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    launchOptions: e2eLaunchOptions(),
    // Recording a trace slows every test by about a third on two cores (filters.spec: 106-116 s
    // without, 142-162 s with), so it is opt-in: `npx playwright test --trace retain-on-failure`.
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --port ${APP_PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${APP_PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
