/**
 * Reading only the column chunks a read asked for, when the parquet reader asks for more.
 *
 * parquet-wasm merges the byte ranges of the column chunks it needs when they lie closer than about
 * a megabyte, and fetches the merged range whole. In a row group of the Hub's files the text leaf
 * (about a megabyte) lies between the ids and the moderation leaves, so reading the metadata leaves
 * fetched the text too. The reader only slices the chunks it asked for out of the answer, so the
 * bytes between them can be left as zeros and never fetched.
 */

/** A byte span of a file, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Gaps smaller than this are fetched anyway: one more request costs more than a few KB. */
export const FETCH_THROUGH_GAP = 64 * 1024;

/**
 * The pieces of `request` to fetch when only `wanted` is needed, or undefined to fetch it whole.
 * Pieces are trimmed only when `request` starts and ends on the boundary of a wanted span: parquet
 * requests line up with column chunks, so a request that does not is one this plan knows nothing of
 * (a footer, or a file whose chunks are not where the footer's sizes put them).
 */
export function planSparseRead(
  request: Span,
  wanted: readonly Span[],
  gap = FETCH_THROUGH_GAP,
): Span[] | undefined {
  const inside = wanted
    .filter((w) => w.start < request.end && w.end > request.start)
    .sort((a, b) => a.start - b.start);
  if (inside.length === 0) return undefined;
  const startsOnChunk = inside.some((w) => w.start === request.start);
  const endsOnChunk = inside.some((w) => w.end === request.end);
  if (!startsOnChunk || !endsOnChunk) return undefined;
  const pieces: Span[] = [];
  for (const w of inside) {
    const start = Math.max(w.start, request.start);
    const end = Math.min(w.end, request.end);
    const last = pieces[pieces.length - 1];
    if (last && start - last.end < gap) last.end = Math.max(last.end, end);
    else pieces.push({ start, end });
  }
  const kept = pieces.reduce((sum, p) => sum + p.end - p.start, 0);
  // Worth more requests only when they save more than a gap's worth of bytes.
  return request.end - request.start - kept >= gap ? pieces : undefined;
}

/** `bytes=a-b` as a span; undefined for any other form (suffix, open-ended, several ranges). */
export function parseByteRange(header: string | null): Span | undefined {
  const match = /^bytes=(\d+)-(\d+)$/.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2]) + 1;
  return end > start ? { start, end } : undefined;
}

/**
 * A fetch that answers a range request from only the parts `wantedFor(url)` needs, the rest zeros,
 * with the status and headers of a whole answer. Any other request goes to `baseFetch` unchanged.
 */
export function sparseRangeFetch(
  baseFetch: typeof fetch,
  wantedFor: (url: string) => readonly Span[] | undefined,
): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const range = parseByteRange(request.headers.get('Range'));
    const wanted = range && wantedFor(request.url);
    const pieces = range && wanted && planSparseRead(range, wanted);
    if (!range || !pieces) return baseFetch(request);
    const answers = await Promise.all(
      pieces.map(async (piece) => {
        const headers = new Headers(request.headers);
        headers.set('Range', `bytes=${piece.start}-${piece.end - 1}`);
        const response = await baseFetch(new Request(request, { headers }));
        if (response.status !== 206) return { piece, response };
        return { piece, response, bytes: new Uint8Array(await response.arrayBuffer()) };
      }),
    );
    // A piece the host refused: hand its answer on as the answer to the whole request.
    const refused = answers.find((a) => !a.bytes);
    if (refused) return refused.response;
    const body = new Uint8Array(range.end - range.start);
    for (const { piece, bytes } of answers) {
      if (bytes!.length !== piece.end - piece.start) {
        throw new Error(
          `${request.url}: a range answer held ${bytes!.length} bytes, not ${piece.end - piece.start}`,
        );
      }
      body.set(bytes!, piece.start - range.start);
    }
    const first = answers[0]!.response;
    const headers = new Headers(first.headers);
    // Only what the host let this page read: a host that hides Content-Range (CORS) still does.
    const total = /\/(\d+|\*)\s*$/.exec(first.headers.get('Content-Range') ?? '')?.[1];
    if (total) headers.set('Content-Range', `bytes ${range.start}-${range.end - 1}/${total}`);
    headers.set('Content-Length', String(body.length));
    const whole = new Response(body, { status: 206, statusText: first.statusText, headers });
    // parquet-wasm's HTTP client parses the answer's URL (range-fetch.ts).
    Object.defineProperty(whole, 'url', { value: first.url || request.url });
    return whole;
  };
}
