import { describe, expect, it } from 'vitest';
import { GroupCache, locateRow } from './group-cache';

/** A cache of labelled values that records what it loads and frees, and what is held at once. */
function setup() {
  const loaded: string[] = [];
  const freed: string[] = [];
  let live = 0;
  let peak = 0;
  const cache = new GroupCache<string>((value) => {
    freed.push(value);
    live--;
  });
  const load = (value: string) => async () => {
    live++;
    peak = Math.max(peak, live);
    loaded.push(value);
    return value;
  };
  return { cache, load, loaded, freed, peak: () => peak };
}

describe('GroupCache', () => {
  it('loads a group once and answers every later request for it from memory', async () => {
    const { cache, load, loaded } = setup();
    const [a, b] = await Promise.all([cache.get('g0', load('A')), cache.get('g0', load('A2'))]);
    expect([a, b, await cache.get('g0', load('A3'))]).toEqual(['A', 'A', 'A']);
    expect(loaded).toEqual(['A']);
  });

  it('holds one group: the next one is loaded only after the last is freed', async () => {
    const { cache, load, loaded, freed, peak } = setup();
    await cache.get('g0', load('A'));
    expect(await cache.get('g1', load('B'))).toBe('B');
    expect(await cache.get('g0', load('A again'))).toBe('A again');
    expect(loaded).toEqual(['A', 'B', 'A again']);
    expect(freed).toEqual(['A', 'B']);
    expect(peak()).toBe(1);
    expect(cache.key).toBe('g0');
  });

  it('lets a request that already awaited a group read it before a newer group frees it', async () => {
    let readable = true;
    const holder = new GroupCache<string>(() => (readable = false));
    const first = holder.get('g0', () => Promise.resolve('A'));
    const reads = first.then((value) => (readable ? value : 'freed too early'));
    await holder.get('g1', () => Promise.resolve('B'));
    expect(await reads).toBe('A');
  });

  it('forgets a failed load, so the next request tries again', async () => {
    const { cache, load } = setup();
    await expect(cache.get('g0', () => Promise.reject(new Error('cut')))).rejects.toThrow('cut');
    expect(cache.key).toBeUndefined();
    expect(await cache.get('g0', load('A'))).toBe('A');
  });

  it('frees what it holds when cleared', async () => {
    const { cache, load, freed } = setup();
    await cache.get('g0', load('A'));
    await cache.clear();
    expect(freed).toEqual(['A']);
    expect(cache.key).toBeUndefined();
  });
});

describe('locateRow', () => {
  it('finds the batch and the row within it', () => {
    expect(locateRow([8192, 8192, 100], 0)).toEqual({ batch: 0, offset: 0 });
    expect(locateRow([8192, 8192, 100], 8192)).toEqual({ batch: 1, offset: 0 });
    expect(locateRow([8192, 8192, 100], 16_483)).toEqual({ batch: 2, offset: 99 });
  });

  it('names a row past the end', () => {
    expect(() => locateRow([10, 5], 15)).toThrow('row 15 is beyond the 15 rows');
  });
});
