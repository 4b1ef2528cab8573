/**
 * The fetch parquet-wasm uses inside our workers (it calls the global `fetch`).
 * - `cache: 'no-store'`: Chromium's HTTP cache fetched many row-group ranges twice (a partial
 *   cache entry restarts the transfer); the build reads each range once, and caching its result
 *   is our job, not the HTTP cache's.
 * - A host that ignores Range answers 200 with the whole file: reading a 250 MB shard to get a few
 *   kilobytes must not happen silently, so that becomes a clear error.
 * - parquet-wasm turns every network failure into an opaque error, so what went wrong (a status,
 *   a refused connection, a body cut short) is told to `onFault` first, in words for the user,
 *   keyed by the URL asked for; the worker puts it into the error it reports.
 */
export class RangeNotSupportedError extends Error {
  constructor(url: string) {
    super(
      `the host ignored an HTTP Range request for ${url} (it answered 200 with the whole file); ` +
        'parquet files must be served by a host that supports range requests',
    );
    this.name = 'RangeNotSupportedError';
  }
}

export interface RangeFetchOptions {
  onFault?: (url: string, problem: string) => void;
}

export function rangeFetch(baseFetch: typeof fetch, options: RangeFetchOptions = {}): typeof fetch {
  const fault = options.onFault ?? (() => undefined);
  return async (input, init) => {
    const original = new Request(input, init);
    if (!original.headers.has('Range')) return baseFetch(original);
    const request = new Request(original, { cache: 'no-store' });
    const { url } = request;
    const host = new URL(url).host;
    let response: Response;
    try {
      response = await baseFetch(request);
    } catch (error) {
      if (!request.signal.aborted) fault(url, `the connection to ${host} failed`);
      throw error;
    }
    if (response.status === 200) {
      await response.body?.cancel();
      const error = new RangeNotSupportedError(url);
      fault(url, error.message);
      throw error;
    }
    if (!response.ok) {
      fault(url, `${host} answered HTTP ${response.status} ${response.statusText}`.trim());
      return response;
    }
    // Taken whole as a Blob: Chromium then moves the body through its blob store instead of
    // streaming it through this worker's thread, which kept much of what it streamed until the
    // worker ended (docs/performance-log.md). parquet-wasm reads every body whole anyway.
    const length = Number(response.headers.get('Content-Length') ?? NaN);
    const expected = Number.isFinite(length) ? length : undefined;
    const cutAt = (where: string) => `the connection to ${host} was cut ${where} a range request`;
    let body: Blob;
    try {
      body = await response.blob();
    } catch (error) {
      if (!request.signal.aborted)
        fault(
          url,
          cutAt(expected === undefined ? 'before the end of' : `before its ${expected} bytes of`),
        );
      throw error;
    }
    if (expected !== undefined && body.size < expected) {
      const cut = cutAt(`after ${body.size} of ${expected} bytes of`);
      fault(url, cut);
      throw new Error(cut);
    }
    const whole = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    // A constructed Response has an empty `url`, and parquet-wasm's HTTP client parses it (a panic,
    // "url parse", otherwise): keep the original's.
    Object.defineProperty(whole, 'url', { value: response.url });
    return whole;
  };
}
