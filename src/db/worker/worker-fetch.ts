/// <reference lib="webworker" />
import { withHubAuth, type HubAuth } from '../net/hub-auth';
import { rangeFetch } from '../net/range-fetch';
import { sparseRangeFetch } from '../net/sparse-ranges';
import { wantedSpans } from './chunk-spans';

/**
 * The parquet worker's network: the page's Hub token (parquet-pool.ts sends it) added only to the
 * Hub's hosts, range requests that name what went wrong, and merged ranges trimmed to the column
 * chunks the reads in flight need. Imported before parquet-wasm starts, so its own fetches go
 * through here too.
 */
let hubAuth: HubAuth | null = null;
export const setHubAuth = (auth: HubAuth | null) => {
  hubAuth = auth;
};

/** What last went wrong on the network per URL, to name in the error parquet-wasm reports. */
export const networkFaults = new Map<string, string>();
export const authFetch = withHubAuth(self.fetch.bind(self), () => hubAuth);
self.fetch = sparseRangeFetch(
  rangeFetch(authFetch, { onFault: (url, problem) => networkFaults.set(url, problem) }),
  wantedSpans,
);
