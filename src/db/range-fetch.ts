/**
 * The fetch parquet-wasm uses inside our workers (it calls the global `fetch`).
 * - `cache: 'no-store'`: Chromium's HTTP cache fetched many row-group ranges twice (a partial
 *   cache entry restarts the transfer); the build reads each range once, and caching its result
 *   is our job, not the HTTP cache's.
 * - A host that ignores Range answers 200 with the whole file: reading a 250 MB shard to get a few
 *   kilobytes must not happen silently, so that becomes a clear error.
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

export function rangeFetch(baseFetch: typeof fetch): typeof fetch {
  return async (input, init) => {
    const original = new Request(input, init);
    if (!original.headers.has('Range')) return baseFetch(original);
    const request = new Request(original, { cache: 'no-store' });
    const response = await baseFetch(request);
    if (response.status === 200) {
      await response.body?.cancel();
      throw new RangeNotSupportedError(request.url);
    }
    return response;
  };
}
