/// <reference lib="webworker" />
import { withHubAuth, type HubAuth } from '../net/hub-auth';
import { rangeFetch } from '../net/range-fetch';

/**
 * The parquet worker's network: the page's Hub token (parquet-pool.ts sends it) added only to the
 * Hub's hosts, and range requests that name what went wrong. Imported before parquet-wasm starts,
 * so its own fetches go through here too.
 */
let hubAuth: HubAuth | null = null;
export const setHubAuth = (auth: HubAuth | null) => {
  hubAuth = auth;
};

/** What last went wrong on the network per URL, to name in the error parquet-wasm reports. */
export const networkFaults = new Map<string, string>();
export const authFetch = withHubAuth(self.fetch.bind(self), () => hubAuth);
self.fetch = rangeFetch(authFetch, { onFault: (url, problem) => networkFaults.set(url, problem) });
