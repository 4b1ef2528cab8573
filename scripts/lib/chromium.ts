import { existsSync } from 'node:fs';

/** Debian's Chromium; Playwright cannot download its own browser on our machines. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium still makes the omnibox popup's WebUI renderer, which kept about a core busy
 * through every bench build and e2e test (docs/performance-log.md, 2026-12-07).
 */
const OUR_DISABLED_FEATURES = ['WebUIOmniboxPopup'];

/**
 * Playwright's own `--disable-features` list. Chromium keeps only the last `--disable-features`
 * switch, and Playwright puts ours after its own, so ours repeats it; chromium.test.ts checks it
 * against the installed Playwright.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Flags for a headless Chromium on a closed network: without the background-networking ones it keeps
 * trying (and failing) to reach Google's hosts, which would also trip our "no foreign request" checks.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OUR_DISABLED_FEATURES].join(',')}`,
];

/**
 * Launch options for Playwright: Debian's Chromium when it is installed (or CHROMIUM_PATH names one),
 * otherwise Playwright's own browser, so a developer elsewhere can still use `npx playwright install`.
 */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return { executablePath: explicit, args: CHROMIUM_ARGS };
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, args: CHROMIUM_ARGS };
  return { args: CHROMIUM_ARGS };
}
