import { describe, expect, it } from 'vitest';
import type { Engine, RowLocator } from '../../db';
import { createFakeEngine, fakePreview } from '../../db/testing/fake-engine';
import { PreviewCache } from './preview-cache';

const rows: RowLocator[] = [
  { shard: 0, shard_row: 1 },
  { shard: 0, shard_row: 2 },
  { shard: 1, shard_row: 7 },
];

/** What `useRowPreviews` does once the visible rows have settled: read the missing ones. */
const settle = (cache: PreviewCache, engine: Engine, version: number, visible: RowLocator[]) =>
  cache.load(engine, version, cache.missing(version, visible));

describe('list previews', () => {
  it('are read once: the next settle on the same rows reads nothing from the engine', async () => {
    const engine = createFakeEngine();
    const cache = new PreviewCache(100);
    expect(cache.missing(1, rows)).toEqual(rows);
    await settle(cache, engine, 1, rows);
    expect(cache.missing(1, rows)).toEqual([]);
    await settle(cache, engine, 1, rows);
    expect(engine.callsOf('readPreviews')).toEqual([[rows]]);
    expect(rows.map((r) => cache.get(1, r))).toEqual(rows.map(fakePreview));
  });

  it('are not asked for again while their read is in flight', async () => {
    let release = () => {};
    const engine = createFakeEngine({
      readPreviews: (asked) =>
        new Promise((resolve) => {
          release = () => resolve(new Map(asked.map((r) => [`${r.shard}:${r.shard_row}`, 'p'])));
        }),
    });
    const cache = new PreviewCache(100);
    const reading = settle(cache, engine, 1, rows.slice(0, 2));
    expect(cache.missing(1, rows)).toEqual([rows[2]]);
    expect(cache.get(1, rows[0]!)).toBeUndefined();
    release();
    await reading;
    expect(cache.get(1, rows[0]!)).toBe('p');
  });

  it('of a newly opened dataset are read again', async () => {
    const engine = createFakeEngine();
    const cache = new PreviewCache(100);
    await settle(cache, engine, 1, rows);
    expect(cache.missing(2, rows)).toEqual(rows);
    expect(cache.get(2, rows[0]!)).toBeUndefined();
  });

  it('that fail to read are left empty instead of read on every render', async () => {
    const engine = createFakeEngine({ readPreviews: () => Promise.reject(new Error('offline')) });
    const cache = new PreviewCache(100);
    await settle(cache, engine, 1, rows);
    expect(cache.get(1, rows[0]!)).toBeNull();
    expect(cache.missing(1, rows)).toEqual([]);
  });

  it('beyond the limit drop the oldest', async () => {
    const engine = createFakeEngine();
    const cache = new PreviewCache(2);
    await settle(cache, engine, 1, rows);
    expect(cache.missing(1, rows)).toEqual([rows[0]]);
  });
});
