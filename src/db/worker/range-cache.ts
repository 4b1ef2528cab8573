import type { Span } from './chunk-layout';

/**
 * Byte ranges fetched ahead for the reads in flight, so parquet-wasm's own range requests are
 * answered from memory. A build task fetches the few large pieces its row groups need (a run of
 * 1,000-row groups is one request per group instead of two or more), then parquet-wasm reads group
 * after group and finds its bytes here. Only a request wholly inside the pieces is answered, with
 * exactly the bytes the host holds there; anything else goes to the network as before, so a plan
 * that is wrong costs requests, never data.
 *
 * A piece is fetched as a Blob and read into memory once; answers are views or copies of its
 * bytes, with no further round trip to the browser's blob store. Reading the piece's body straight
 * into the worker instead (`arrayBuffer()` on the response) took the browser process's share of
 * the build down, but the worker kept what it streamed until it ended: a higher peak.
 */
interface Piece extends Span {
  body: Promise<Uint8Array<ArrayBuffer> | undefined>;
}

const pieces = new Map<string, Set<Piece>>();

const urlKey = (url: string) => {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
};

/**
 * Fetches `spans` of `url` (at most `parallel` at a time, in order) and keeps them until the
 * returned release is called. `fetchRange` fetches one span as a Blob; a failed piece is simply
 * not there, and the read that needs it goes to the network and reports the failure itself.
 */
export function prefetch(
  url: string,
  spans: readonly Span[],
  fetchRange: (url: string, span: Span) => Promise<Blob>,
  parallel = 4,
): () => void {
  const key = urlKey(url);
  const set = pieces.get(key) ?? new Set<Piece>();
  pieces.set(key, set);
  let running = 0;
  const queue: { span: Span; resolve: (bytes: Uint8Array<ArrayBuffer> | undefined) => void }[] = [];
  const next = () => {
    while (running < parallel && queue.length > 0) {
      const { span, resolve } = queue.shift()!;
      running++;
      fetchRange(url, span)
        .then((blob) => blob.arrayBuffer())
        .then(
          (buffer) =>
            buffer.byteLength === span.end - span.start ? new Uint8Array(buffer) : undefined,
          () => undefined,
        )
        .then((bytes) => {
          running--;
          resolve(bytes);
          next();
        });
    }
  };
  const settle: ((bytes: Uint8Array<ArrayBuffer> | undefined) => void)[] = [];
  const mine = spans.map((span) => {
    const body = new Promise<Uint8Array<ArrayBuffer> | undefined>((resolve) => {
      settle.push(resolve);
      queue.push({ span, resolve });
    });
    const piece: Piece = { ...span, body };
    set.add(piece);
    return piece;
  });
  next();
  return () => {
    // Not needed any more: pieces not yet asked for are never fetched, and whoever still waits on
    // one reads the network instead.
    queue.length = 0;
    for (const resolve of settle) resolve(undefined);
    for (const piece of mine) set.delete(piece);
    if (set.size === 0 && pieces.get(key) === set) pieces.delete(key);
  };
}

/**
 * The bytes `[start, end)` of `url` from the pieces fetched ahead, or undefined when they do not
 * cover it (or the piece that would failed): then the caller fetches it.
 */
export async function cachedRange(
  url: string,
  start: number,
  end: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const set = pieces.get(urlKey(url));
  if (!set || end <= start) return undefined;
  const cover: Piece[] = [];
  let at = start;
  const sorted = [...set].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const piece of sorted) {
    if (at >= end) break;
    if (piece.start <= at && piece.end > at) {
      cover.push(piece);
      at = piece.end;
    }
  }
  if (at < end) return undefined;
  const bodies = await Promise.all(cover.map((p) => p.body));
  if (bodies.some((b) => b === undefined)) return undefined;
  // A view when one piece holds it all: the Response made of it copies it anyway.
  if (cover.length === 1)
    return bodies[0]!.subarray(start - cover[0]!.start, end - cover[0]!.start);
  const answer = new Uint8Array(end - start);
  cover.forEach((piece, i) => {
    const from = Math.max(start, piece.start);
    const to = Math.min(end, piece.end);
    answer.set(bodies[i]!.subarray(from - piece.start, to - piece.start), from - start);
  });
  return answer;
}

/** `bytes=a-b` as a span; undefined for any other form (suffix, open-ended, several ranges). */
export function parseByteRange(header: string | null): Span | undefined {
  const match = /^bytes=(\d+)-(\d+)$/.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2]) + 1;
  return end > start ? { start, end } : undefined;
}

/** The answer to a range request from the pieces fetched ahead, or undefined to fetch it. */
export async function cachedResponse(request: Request): Promise<Response | undefined> {
  const range = parseByteRange(request.headers.get('Range'));
  const body = range && (await cachedRange(request.url, range.start, range.end));
  if (!body) return undefined;
  const response = new Response(body, {
    status: 206,
    headers: { 'Content-Length': String(body.length), 'Content-Type': 'application/octet-stream' },
  });
  // parquet-wasm's HTTP client parses the answer's URL (range-fetch.ts).
  Object.defineProperty(response, 'url', { value: request.url });
  return response;
}
