import { isHubHost } from './hub-auth';

/**
 * The page may connect only to its own origin and the user's data hosts.
 *
 * A page's Content-Security-Policy can be tightened while it runs, never loosened, so the static
 * policy (vite.config.ts) allows any https host and loopback, and `installConnectPolicy` adds, before
 * anything is fetched, a second policy whose `connect-src` names only the hosts of the link's `data`
 * params, the hosts the user allowed earlier in this browser, and those of an open that asked for
 * a reload. The browser enforces both: the narrower wins. The Workers that fetch are made from
 * blob URLs (blob-worker.ts), so they inherit it.
 *
 * A host named later (in the Open dialog) is outside the policy: the dialog asks to allow it, which
 * remembers the host, keeps what was asked in sessionStorage and reloads. After the reload the
 * link's dataset opens again first, then the pending open runs like a normal one, so a failure
 * still leaves the previous dataset open.
 */

const REMEMBERED_KEY = 'convoscope:data-hosts';
const PENDING_KEY = 'convoscope:pending-open';

/** Hub links resolve to files that redirect to the Hub's CDN hosts: the whole Hub is one source. */
export const HUB_SOURCES = [
  'https://huggingface.co',
  'https://*.huggingface.co',
  'https://hf.co',
  'https://*.hf.co',
];

/** Only an origin or a Hub wildcard may enter the policy: nothing stored can add a directive. */
const SOURCE = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

/** What the Open dialog asked for before the reload that allowed its hosts. */
export interface PendingOpen {
  urls: string[];
  /** The access token typed with them, kept in memory only once it is read back. */
  token: string | null;
}

interface PolicyState {
  own: string;
  base: string;
  allowed: Set<string>;
  pending: PendingOpen | null;
}

let state: PolicyState | null = null;

/** The connect-src sources a data URL needs (none for one this page would refuse anyway). */
export function sourcesFor(raw: string, base: string): string[] {
  const text = raw.trim();
  if (text.startsWith('hf://')) return HUB_SOURCES;
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return [];
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return [];
  if (isHubHost(url.hostname)) return HUB_SOURCES;
  return SOURCE.test(url.origin) ? [url.origin] : [];
}

/** Adds the narrowed policy to the page. Call once, before the first fetch. */
export function installConnectPolicy(win: Window = window): void {
  const base = win.location.href;
  const own = win.location.origin;
  const pending = takeStoredPending(win);
  const named = [...new URL(base).searchParams.getAll('data'), ...(pending?.urls ?? [])].flatMap(
    (u) => sourcesFor(u, base),
  );
  const allowed = new Set(
    [...named, ...rememberedSources(win)].filter((s) => s !== own && SOURCE.test(s)),
  );
  const meta = win.document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = ["connect-src 'self'", ...allowed].join(' ');
  win.document.head.append(meta);
  state = { own, base, allowed, pending };
}

/** The sources `urls` need that this page's policy does not allow (none when no policy was added). */
export function missingSources(urls: string[]): string[] {
  if (!state) return [];
  const { own, base, allowed } = state;
  const needed = urls.flatMap((u) => sourcesFor(u, base));
  return [...new Set(needed)].filter((s) => s !== own && !allowed.has(s));
}

/** Remembers `urls`' hosts, keeps the open for after the reload, and reloads. */
export function allowAndReload(urls: string[], token: string | null, win: Window = window): void {
  const base = state?.base ?? win.location.href;
  const sources = urls.flatMap((u) => sourcesFor(u, base));
  const remembered = new Set([...rememberedSources(win), ...sources]);
  try {
    win.localStorage.setItem(REMEMBERED_KEY, JSON.stringify([...remembered]));
    win.sessionStorage.setItem(PENDING_KEY, JSON.stringify({ urls, token } satisfies PendingOpen));
  } catch {
    // Storage disabled: the reload still allows nothing new, and the dialog will ask again.
  }
  win.location.reload();
}

/** The open kept across the allowing reload, handed out once. */
export function takePendingOpen(): PendingOpen | null {
  if (!state?.pending) return null;
  const pending = state.pending;
  state.pending = null;
  return pending;
}

/** The hosts the user allowed in this browser, as the policy names them. */
export function rememberedSources(win: Window = window): string[] {
  try {
    const parsed: unknown = JSON.parse(win.localStorage.getItem(REMEMBERED_KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((s): s is string => typeof s === 'string' && SOURCE.test(s))
      : [];
  } catch {
    return [];
  }
}

/** Forgets an allowed host; the page's policy keeps it until the next load. */
export function forgetSource(source: string, win: Window = window): void {
  const rest = rememberedSources(win).filter((s) => s !== source);
  try {
    win.localStorage.setItem(REMEMBERED_KEY, JSON.stringify(rest));
  } catch {
    // nothing was stored either
  }
}

/** Read and removed at once, so a later reload does not open it again; the token leaves storage. */
function takeStoredPending(win: Window): PendingOpen | null {
  try {
    const raw = win.sessionStorage.getItem(PENDING_KEY);
    win.sessionStorage.removeItem(PENDING_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<PendingOpen>;
    const urls = Array.isArray(parsed.urls)
      ? parsed.urls.filter((u): u is string => typeof u === 'string')
      : [];
    const token = typeof parsed.token === 'string' && parsed.token ? parsed.token : null;
    return urls.length > 0 ? { urls, token } : null;
  } catch {
    return null;
  }
}
