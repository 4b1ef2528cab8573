import { describe, expect, it } from 'vitest';
import type { Span } from './chunk-layout';
import { cachedRange, cachedResponse, parseByteRange, prefetch } from './range-cache';

const url = 'http://host/data.parquet';
const file = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
const bytes = async (answer: Uint8Array | undefined) => answer && new Uint8Array(answer);

describe('range cache', () => {
  it('answers a range inside the pieces, across pieces, with the host bytes', async () => {
    const asked: Span[] = [];
    const release = prefetch(
      url,
      [
        { start: 100, end: 300 },
        { start: 300, end: 500 },
      ],
      async (_, span) => {
        asked.push(span);
        return new Blob([file.slice(span.start, span.end)]);
      },
    );
    expect(await bytes(await cachedRange(url, 150, 450))).toEqual(file.slice(150, 450));
    expect(await bytes(await cachedRange(url, 100, 300))).toEqual(file.slice(100, 300));
    // Outside, or partly outside: not answered, the caller fetches it.
    expect(await cachedRange(url, 50, 150)).toBeUndefined();
    expect(await cachedRange(url, 450, 600)).toBeUndefined();
    expect(await cachedRange('http://host/other.parquet', 150, 160)).toBeUndefined();
    expect(asked).toHaveLength(2);
    release();
    expect(await cachedRange(url, 150, 160)).toBeUndefined();
  });

  it('leaves out a piece that failed or came back short', async () => {
    const release = prefetch(
      url,
      [
        { start: 0, end: 100 },
        { start: 200, end: 300 },
      ],
      async (_, span) => {
        if (span.start === 0) throw new Error('refused');
        return new Blob([file.slice(span.start, span.end - 1)]);
      },
    );
    expect(await cachedRange(url, 10, 20)).toBeUndefined();
    expect(await cachedRange(url, 210, 220)).toBeUndefined();
    release();
  });

  it('fetches at most `parallel` pieces at a time, and a release ends every wait', async () => {
    let running = 0;
    let most = 0;
    let started = 0;
    const release = prefetch(
      url,
      Array.from({ length: 6 }, (_, i) => ({ start: i * 100, end: i * 100 + 100 })),
      async (_, span) => {
        started++;
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return new Blob([file.slice(span.start, span.end)]);
      },
      2,
    );
    expect(await bytes(await cachedRange(url, 0, 600))).toEqual(file.slice(0, 600));
    expect(most).toBe(2);
    release();
    const again = prefetch(url, [{ start: 0, end: 10 }], () => new Promise(() => undefined), 1);
    const waiting = cachedRange(url, 0, 5);
    again();
    expect(started).toBe(6);
    await expect(waiting).resolves.toBeUndefined();
  });

  it('makes a 206 answer with the request URL, only for a plain byte range', async () => {
    expect(parseByteRange('bytes=5-9')).toEqual({ start: 5, end: 10 });
    expect(parseByteRange('bytes=-100')).toBeUndefined();
    expect(parseByteRange('bytes=1-2,5-6')).toBeUndefined();
    const release = prefetch(
      url,
      [{ start: 0, end: 100 }],
      async () => new Blob([file.slice(0, 100)]),
    );
    const response = await cachedResponse(new Request(url, { headers: { Range: 'bytes=10-19' } }));
    expect(response?.status).toBe(206);
    expect(response?.url).toBe(url);
    expect(response?.headers.get('Content-Length')).toBe('10');
    expect(new Uint8Array(await response!.arrayBuffer())).toEqual(file.slice(10, 20));
    expect(
      await cachedResponse(new Request(url, { headers: { Range: 'bytes=-10' } })),
    ).toBeUndefined();
    release();
  });
});
