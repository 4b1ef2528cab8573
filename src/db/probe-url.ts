import { DatasetError } from './dataset-error';

/**
 * Asks the host for a parquet file's last 8 bytes before the parquet reader touches it, so each way a
 * host can fail gets its own clear message (the reader itself only panics). Checks that the host is
 * reachable from this page (CORS), finds the file, honours suffix Range requests, and serves parquet.
 */
export async function probeParquetUrl(name: string, url: string, doFetch = fetch): Promise<void> {
  const fail = (message: string): never => {
    throw new DatasetError({ file: name, message });
  };
  let response: Response;
  try {
    response = await doFetch(url, { headers: { Range: 'bytes=-8' }, cache: 'no-store' });
  } catch {
    return fail(
      `could not be fetched from ${new URL(url).host}: the host is unreachable or does not allow ` +
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
    return fail(`could not be fetched (HTTP ${response.status} ${response.statusText})`.trim());
  }
  const tail = new Uint8Array(await response.arrayBuffer());
  const magic = new TextDecoder().decode(tail.subarray(tail.length - 4));
  if (tail.length < 8 || magic !== 'PAR1') {
    fail('is not a parquet file (it does not end with the PAR1 marker)');
  }
}
