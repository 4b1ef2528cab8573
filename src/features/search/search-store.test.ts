import { describe, expect, it, vi } from 'vitest';
import type { Engine, SearchResult, OpenDataset } from '../../db';
import { createFakeEngine } from '../../db/testing/fake-engine';
import type { SearchSpec } from '../../model/search-spec';
import { findCompleted, SearchStore, searchStoreOf } from './search-store';

const spec = (text: string): SearchSpec => ({
  text,
  scope: 'all',
  regex: false,
  wholeWord: false,
});
const shards = [{ name: 'a.parquet', url: 'https://example.org/a.parquet' }];

/** A search that waits until the test settles it. */
function heldSearch() {
  const runs: {
    spec: SearchSpec;
    signal: AbortSignal;
    options: Parameters<Engine['search']>[1];
    finish: (result: Omit<SearchResult, 'milliseconds'>) => void;
    fail: (error: Error) => void;
  }[] = [];
  const search =
    (engine: () => Engine): Engine['search'] =>
    (s, options = {}) =>
      new Promise((resolve, reject) => {
        const dataset = engine().dataset() as OpenDataset;
        runs.push({
          spec: s,
          signal: options.signal!,
          options,
          finish: (r) => resolve({ ...r, milliseconds: 1, dataset }),
          fail: reject,
        });
        options.signal?.addEventListener('abort', () => reject(options.signal?.reason));
      });
  return { runs, search };
}

async function openedFake(overrides: Partial<Engine> = {}) {
  const engine = createFakeEngine(overrides);
  await engine.open(shards);
  return engine;
}

describe('SearchStore', () => {
  it('runs a search on the engine and applies it once complete, for that dataset only', async () => {
    const engine = await openedFake();
    const store = new SearchStore(engine);
    store.sync(spec('python'));
    expect(store.getSnapshot().run?.status).toBe('running');
    await vi.waitFor(() => expect(store.getSnapshot().run).toBeNull());
    const done = store.completed(spec('python'));
    expect(done).toBeDefined();
    expect(done?.dataset).toBe(engine.dataset());
    expect(engine.callsOf('search')).toHaveLength(1);

    // Applied again (Back, Forward): no new scan.
    store.sync(spec('python'));
    expect(engine.callsOf('search')).toHaveLength(1);

    // Another dataset: the old scan no longer counts.
    await engine.open(shards);
    expect(store.completed(spec('python'))).toBeUndefined();
    expect(findCompleted(store.getSnapshot(), spec('python'), engine.dataset())).toBeUndefined();
  });

  it('streams progress and snippets into the running search', async () => {
    const held = heldSearch();
    const engine: Engine = await openedFake({ search: held.search(() => engine) });
    const store = new SearchStore(engine);
    store.start(spec('x'));
    await vi.waitFor(() => expect(held.runs).toHaveLength(1));
    const { options, finish } = held.runs[0]!;
    const snippet = { row: 3, message: 0, before: '', match: 'x', after: '' };
    options?.onHits?.([snippet]);
    expect(store.getSnapshot().run?.snippets).toHaveLength(1);
    finish({ id: 7, matches: 1 });
    await vi.waitFor(() => expect(store.getSnapshot().completed).toHaveLength(1));
    expect(store.getSnapshot().completed[0]).toMatchObject({ id: 7, matches: 1 });
  });

  it('Cancel aborts the scan and returns the search applied before', async () => {
    const held = heldSearch();
    const engine: Engine = await openedFake({ search: held.search(() => engine) });
    const store = new SearchStore(engine);
    store.sync(spec('first'));
    await vi.waitFor(() => expect(held.runs).toHaveLength(1));
    held.runs[0]!.finish({ id: 1, matches: 2 });
    await vi.waitFor(() => expect(store.getSnapshot().run).toBeNull());

    store.sync(spec('second'));
    await vi.waitFor(() => expect(held.runs).toHaveLength(2));
    expect(store.cancel()).toEqual(spec('first'));
    expect(held.runs[1]!.signal.aborted).toBe(true);
    expect(store.getSnapshot().run?.status).toBe('cancelled');
    // A cancelled search waits for the user: syncing to it does not start it again.
    store.sync(spec('second'));
    expect(held.runs).toHaveLength(2);
  });

  it('a failed scan is reported and not retried until submitted again', async () => {
    const engine = await openedFake({ search: () => Promise.reject(new Error('bad pattern')) });
    const store = new SearchStore(engine);
    store.sync(spec('('));
    await vi.waitFor(() => expect(store.getSnapshot().run?.status).toBe('failed'));
    expect(store.getSnapshot().run?.error).toBe('bad pattern');
    store.sync(spec('('));
    expect(engine.callsOf('search')).toHaveLength(1);
  });

  it('keeps the last 8 completed searches and drops the rows of older ones', async () => {
    const engine = await openedFake();
    const store = new SearchStore(engine);
    for (let i = 0; i < 10; i++) {
      store.start(spec(`q${i}`));
      await vi.waitFor(() => expect(store.getSnapshot().run).toBeNull());
    }
    expect(store.getSnapshot().completed.map((c) => c.key)).toHaveLength(8);
    expect(store.completed(spec('q0'))).toBeUndefined();
    expect(store.completed(spec('q9'))).toBeDefined();
    const drops = engine.callsOf('query').map(([q]) => (q as { sql: string }).sql);
    expect(drops).toHaveLength(2);
    for (const sql of drops) expect(sql).toMatch(/^DELETE FROM search_hits/);
  });

  it('one store per engine', () => {
    const a = createFakeEngine();
    const b = createFakeEngine();
    expect(searchStoreOf(a)).toBe(searchStoreOf(a));
    expect(searchStoreOf(a)).not.toBe(searchStoreOf(b));
  });
});
