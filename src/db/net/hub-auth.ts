/**
 * Where a Hugging Face access token may go. It is sent only to the Hub's own hosts, over https, as
 * `Authorization: Bearer`; everything else (other hosts, plain http, odd ports) never sees it.
 */
export function isHubHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'huggingface.co' ||
    host.endsWith('.huggingface.co') ||
    host === 'hf.co' ||
    host.endsWith('.hf.co')
  );
}

export interface HubAuth {
  token: string;
  /**
   * Loopback origins that tests add so a local server can stand in for the Hub. Only page script
   * can set them (see `testTokenOrigins`), never a URL, and only loopback origins are accepted.
   */
  extraOrigins: string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function tokenAllowedFor(url: string, extraOrigins: readonly string[] = []): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:' && parsed.port === '' && isHubHost(parsed.hostname)) return true;
  return LOOPBACK.has(parsed.hostname) && extraOrigins.includes(parsed.origin);
}

/** Adds the token to requests for the Hub's hosts; every other request passes untouched. */
export function withHubAuth(baseFetch: typeof fetch, auth: () => HubAuth | null): typeof fetch {
  return (input, init) => {
    const current = auth();
    const request = new Request(input, init);
    if (!current || request.headers.has('Authorization')) return baseFetch(request);
    if (!tokenAllowedFor(request.url, current.extraOrigins)) return baseFetch(request);
    const headers = new Headers(request.headers);
    headers.set('Authorization', `Bearer ${current.token}`);
    return baseFetch(new Request(request, { headers }));
  };
}

/**
 * Test-only: loopback origins an e2e test declares before the app starts, by setting
 * `window.__convoscopeTestTokenOrigins` from an init script. A link cannot set it.
 */
function testTokenOrigins(): string[] {
  const declared = (globalThis as { __convoscopeTestTokenOrigins?: unknown })
    .__convoscopeTestTokenOrigins;
  if (!Array.isArray(declared)) return [];
  return declared.filter(
    (o): o is string => typeof o === 'string' && tokenAllowedFor(`${o}/`, [o]),
  );
}

// The page's token, in memory only. The parquet workers get a copy (parquet-pool.ts).
let current: HubAuth | null = null;
const listeners = new Set<(auth: HubAuth | null) => void>();

export function setHubToken(token: string | null): void {
  const trimmed = token?.trim();
  current = trimmed ? { token: trimmed, extraOrigins: testTokenOrigins() } : null;
  for (const listener of listeners) listener(current);
}

export function currentHubAuth(): HubAuth | null {
  return current;
}

export function onHubAuthChange(listener: (auth: HubAuth | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
