import type { BrowserSession } from './browser';
import type { BenchStep } from './steps';

/** Reads in flight at once, as in the build: two per parquet worker, two workers. */
const LANES = 4;

/**
 * The build's own range requests, replayed in a plain worker of the build's page that fetches each
 * body as the parquet workers do (`cache: 'no-store'`, taken whole as a Blob) and decodes nothing.
 * What the page's network path costs for the build's bytes: the build cannot be faster than this
 * on the same link, so it shows how much of the build is moving bytes and how much is the rest.
 */
export const fetchFloorStep: BenchStep = {
  id: 'fetch-floor',
  label: "the build's range reads alone (no decoding)",
  budget: { kind: 'none' },
  ours: async ({ page, ready }: BrowserSession) => {
    const requests = ready.ranges.map((r) => ({
      url: `${ready.dataOrigin}${r.path}`,
      range: r.range,
    }));
    const result = await page.evaluate(
      async ({ requests, lanes }) => {
        const source = `onmessage = async (event) => {
          const { requests, lanes } = event.data;
          let next = 0;
          let bytes = 0;
          const started = performance.now();
          const lane = async () => {
            while (next < requests.length) {
              const { url, range } = requests[next++];
              const response = await fetch(url, { headers: { Range: range }, cache: 'no-store' });
              if (response.status !== 206) throw new Error(url + ' ' + range + ': ' + response.status);
              const body = await (await response.blob()).arrayBuffer();
              bytes += body.byteLength;
            }
          };
          try {
            await Promise.all(Array.from({ length: lanes }, lane));
            postMessage({ ms: performance.now() - started, bytes });
          } catch (error) {
            postMessage({ error: String(error) });
          }
        };`;
        const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
        const worker = new Worker(url);
        try {
          return await new Promise<{ ms: number; bytes: number } | { error: string }>((done) => {
            worker.onmessage = (event) => done(event.data);
            worker.onerror = (event) => done({ error: event.message });
            worker.postMessage({ requests, lanes });
          });
        } finally {
          worker.terminate();
          URL.revokeObjectURL(url);
        }
      },
      { requests, lanes: LANES },
    );
    if ('error' in result) throw new Error(`fetch-floor: ${result.error}`);
    return { ms: result.ms, bytes: result.bytes, extra: { requests: requests.length } };
  },
};
