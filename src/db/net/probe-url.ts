import { DatasetError } from '../engine/dataset-error';
import { isHubHost } from './hub-auth';
import { hubRefusal } from './hub-datasets';
import type { ShardRef } from '../worker/parquet-protocol';

/**
 * Asks the host for a parquet file's last 8 bytes before the parquet reader touches it, so each way a
 * host can fail gets its own clear message (the reader itself only panics). Checks that the host is
 * reachable from this page (CORS), finds the file, honours suffix Range requests, and serves parquet.
 * `doFetch` is the worker's fetch with the Hub token added where it may go (hub-auth.ts). With
 * `expectedSize` (the file's size when its table was cached), the answer's Content-Range, when the
 * host lets this page read it, must be those 8 bytes of a file of that size.
 */
export async function probeParquetUrl(
  name: string,
  url: string,
  doFetch = fetch,
  expectedSize?: number,
): Promise<void> {
  const fail = (message: string): never => {
    throw new DatasetError({ file: name, message });
  };
  const host = new URL(url).host;
  let response: Response;
  try {
    response = await doFetch(url, { headers: { Range: 'bytes=-8' }, cache: 'no-store' });
  } catch {
    return fail(
      `could not be fetched from ${host}: the host is unreachable or does not allow ` +
        'cross-origin requests from this page (CORS)',
    );
  }
  if (response.status === 416) return fail('is empty');
  if (response.status === 200) {
    await response.body?.cancel();
    return fail(
      'was sent whole instead of in parts: the host ignores HTTP Range requests, which reading ' +
        'parquet needs',
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    return fail(statusProblem(response, host));
  }
  const range = response.headers.get('content-range');
  if (expectedSize !== undefined && range !== null && !isTailOf(range, expectedSize)) {
    await response.body?.cancel();
    return fail(
      `answered a request for its last 8 bytes with Content-Range "${range}" instead of ` +
        `"${tailRange(expectedSize)}": the host does not serve Range requests correctly`,
    );
  }
  checkTail(name, new Uint8Array(await response.arrayBuffer()));
}

const tailRange = (size: number) => `bytes ${size - 8}-${size - 1}/${size}`;
const isTailOf = (range: string, size: number) =>
  range.trim().replace(/\s+/g, ' ').toLowerCase() === tailRange(size);

/**
 * Before a cached `conversations` table is used for URL shards: the cache is keyed by a HEAD's
 * name, size and ETag, which a host that lost Range support (or answers wrongly) still passes,
 * and the fault would show only when a conversation is read. So each URL shard gets the first
 * open's probe once more (8 bytes), and a fault is named now, in the first open's words. Fails
 * with the first failing shard in order; local files need no check.
 */
export async function probeCachedShards(
  shards: readonly ShardRef[],
  sizes: readonly number[],
  doFetch = fetch,
): Promise<void> {
  const results = await Promise.allSettled(
    shards.map((shard, i) =>
      shard.url ? probeParquetUrl(shard.name, shard.url, doFetch, sizes[i]) : undefined,
    ),
  );
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The same check for a local file: its last 8 bytes, read as a slice. */
export async function probeParquetFile(name: string, file: Blob): Promise<void> {
  if (file.size === 0) throw new DatasetError({ file: name, message: 'is empty' });
  checkTail(name, new Uint8Array(await file.slice(-8).arrayBuffer()));
}

function checkTail(name: string, tail: Uint8Array): void {
  const magic = new TextDecoder().decode(tail.subarray(tail.length - 4));
  if (tail.length < 8 || magic !== 'PAR1') {
    throw new DatasetError({
      file: name,
      message: 'is not a parquet file (it does not end with the PAR1 marker)',
    });
  }
}

function statusProblem(response: Response, host: string): string {
  const { status, statusText } = response;
  const code = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  const hub = isHubHost(new URL(`https://${host}`).hostname);
  if (hub && (status === 401 || status === 403)) return hubRefusal(status);
  if (status === 401) {
    return `was refused by ${host} without a valid access token (HTTP 401): enter the token in Open data`;
  }
  if (status === 403) return `was refused by ${host} (${code})`;
  if (status === 404) return `was not found on ${host} (HTTP 404)`;
  if (status >= 500) {
    return `could not be fetched: ${host} failed with ${code}; try again later`;
  }
  return `could not be fetched (${code})`;
}
