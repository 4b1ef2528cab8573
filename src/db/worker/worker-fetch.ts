/// <reference lib="webworker" />
import { withHubAuth, type HubAuth } from '../net/hub-auth';
import { rangeFetch } from '../net/range-fetch';
import type { Span } from './chunk-layout';
import { cachedResponse } from './range-cache';

/**
 * The parquet worker's network: the page's Hub token (parquet-pool.ts sends it) added only to the
 * Hub's hosts, range requests that name what went wrong, and ranges fetched ahead answered from
 * memory (range-cache.ts). Imported before parquet-wasm starts, so its own fetches go through here.
 */
let hubAuth: HubAuth | null = null;
export const setHubAuth = (auth: HubAuth | null) => {
  hubAuth = auth;
};

/** What last went wrong on the network per URL, to name in the error parquet-wasm reports. */
export const networkFaults = new Map<string, string>();
export const authFetch = withHubAuth(self.fetch.bind(self), () => hubAuth);
const networkFetch = rangeFetch(authFetch, {
  onFault: (url, problem) => networkFaults.set(url, problem),
});

/** One span of `url` as a Blob, through the same network path as parquet-wasm's requests. */
export async function fetchSpan(url: string, span: Span): Promise<Blob> {
  const response = await networkFetch(url, {
    headers: { Range: `bytes=${span.start}-${span.end - 1}` },
  });
  if (response.status !== 206) throw new Error(`HTTP ${response.status} for a range of ${url}`);
  return response.blob();
}

self.fetch = async (input, init) => {
  const request = new Request(input, init);
  return (await cachedResponse(request)) ?? networkFetch(request);
};
