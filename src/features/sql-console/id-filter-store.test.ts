import { describe, expect, it } from 'vitest';
import { createFakeEngine } from '../../db/testing/fake-engine';
import { findIdSet, IdFilterStore, idFilterStoreOf } from './id-filter-store';

const shards = [{ name: 'a.parquet', url: 'https://example.org/a.parquet' }];
const query = (n: number) => `SELECT conversation_id FROM conversations LIMIT ${n}`;

async function opened(overrides: Parameters<typeof createFakeEngine>[0] = {}) {
  const engine = createFakeEngine(overrides);
  await engine.open(shards);
  return engine;
}

describe('IdFilterStore', () => {
  it('does nothing without an open dataset', async () => {
    const engine = createFakeEngine();
    const store = new IdFilterStore(engine);
    expect(await store.apply(query(1))).toBe(false);
    expect(engine.callsOf('storeIdSet')).toHaveLength(0);
  });

  it("stores a query's ids once per dataset and finds the set for that dataset only", async () => {
    const engine = await opened({ storeIdSet: () => Promise.resolve({ id: 5, ids: 12 }) });
    const store = new IdFilterStore(engine);
    expect(await store.apply(query(1))).toBe(true);
    expect(findIdSet(store.getSnapshot(), query(1), engine.dataset())).toMatchObject({
      id: 5,
      ids: 12,
    });
    expect(store.getSnapshot().running).toBeNull();
    // Applied again (Back, Forward): not run again.
    expect(await store.apply(query(1))).toBe(true);
    expect(engine.callsOf('storeIdSet')).toEqual([[query(1)]]);

    await engine.open(shards);
    expect(findIdSet(store.getSnapshot(), query(1), engine.dataset())).toBeUndefined();
  });

  it("reports the console's message when the query fails", async () => {
    const engine = await opened({
      storeIdSet: () => Promise.reject(new Error('no conversation_id column')),
    });
    const store = new IdFilterStore(engine);
    expect(await store.apply(query(1))).toBe(false);
    expect(store.getSnapshot().failed).toEqual({
      query: query(1),
      message: 'no conversation_id column',
    });
    expect(store.getSnapshot().applied).toHaveLength(0);
  });

  it('keeps at most 4 sets, freeing the oldest and those of a previous dataset', async () => {
    let next = 1;
    const engine = await opened({ storeIdSet: () => Promise.resolve({ id: next++, ids: 1 }) });
    const store = new IdFilterStore(engine);
    for (let i = 1; i <= 5; i++) await store.apply(query(i));
    expect(store.getSnapshot().applied.map((a) => a.id)).toEqual([2, 3, 4, 5]);
    expect(engine.callsOf('dropIdSet')).toEqual([[1]]);

    await engine.open(shards);
    await store.apply(query(6));
    expect(store.getSnapshot().applied.map((a) => a.id)).toEqual([6]);
    expect(engine.callsOf('dropIdSet').map(([id]) => id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('one store per engine', () => {
    const a = createFakeEngine();
    expect(idFilterStoreOf(a)).toBe(idFilterStoreOf(a));
    expect(idFilterStoreOf(a)).not.toBe(idFilterStoreOf(createFakeEngine()));
  });
});
