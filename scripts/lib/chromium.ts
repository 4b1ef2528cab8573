import { existsSync } from 'node:fs';

/** Debian's Chromium; Playwright cannot download its own browser on our machines. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

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
