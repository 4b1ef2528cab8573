import { describe, expect, it, vi } from 'vitest';
import { DatasetError, type DataSource, type Engine, type ShardRef } from '../../db';
import { createFakeEngine } from '../../db/testing/fake-engine';
import { DatasetStore } from './dataset-store';

const shard = (name: string): ShardRef => ({ name, url: `https://example.org/${name}` });
const source = (id: string, shards = 1): DataSource => ({
  id,
  label: `Source ${id}`,
  link: null,
  resolveShards: () =>
    Promise.resolve(Array.from({ length: shards }, (_, i) => shard(`${id}-${i}`))),
});

/** An `open` that waits until released, so a test can act while it runs. */
function heldOpen() {
  const signals: AbortSignal[] = [];
  const releases: (() => void)[] = [];
  const open: Engine['open'] = (shards, options = {}) =>
    new Promise((resolve, reject) => {
      const signal = options.signal!;
      signals.push(signal);
      releases.push(() =>
        resolve({ id: 100 + releases.length, rows: shards.length, origin: 'built' }),
      );
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  return { open, signals, releases };
}

describe('DatasetStore', () => {
  it('opens a source through the engine and names the dataset by its engine id', async () => {
    const engine = createFakeEngine();
    const store = new DatasetStore(engine);
    await store.open(source('a', 3));
    const { active, loading, error } = store.getSnapshot();
    expect(active).toMatchObject({ sourceId: 'a', label: 'Source a', rows: 30, origin: 'built' });
    expect(active?.datasetId).toBe(engine.dataset()?.id);
    expect(loading).toBeNull();
    expect(error).toBeNull();
    expect(engine.callsOf('open')[0]?.[0]).toEqual([shard('a-0'), shard('a-1'), shard('a-2')]);
  });

  it('reports progress while opening', async () => {
    const engine = createFakeEngine();
    const store = new DatasetStore(engine);
    const seen: (number | undefined)[] = [];
    store.subscribe(() => seen.push(store.getSnapshot().loading?.progress?.rowsDone));
    await store.open(source('a', 2));
    expect(seen).toContain(20);
  });

  it('keeps the last good dataset when an open fails, with the dataset error shown', async () => {
    let fail = false;
    const fake = createFakeEngine();
    const engine = createFakeEngine({
      open: (shards, options) =>
        fail
          ? Promise.reject(new DatasetError({ file: 'b-0', message: 'is not parquet' }))
          : fake.open(shards, options),
    });
    const store = new DatasetStore(engine);
    await store.open(source('a'));
    fail = true;
    await store.open(source('b'));
    const { active, error } = store.getSnapshot();
    expect(active?.sourceId).toBe('a');
    expect(error).toContain('b-0');
    expect(error).toContain('is not parquet');
  });

  it('names other failures as a failed open', async () => {
    const engine = createFakeEngine({ open: () => Promise.reject(new Error('boom')) });
    const store = new DatasetStore(engine);
    await store.open(source('a'));
    expect(store.getSnapshot().error).toBe('Could not open the data: Error: boom');
  });

  it('cancels an older open when a newer one starts', async () => {
    const held = heldOpen();
    const store = new DatasetStore(createFakeEngine({ open: held.open }));
    const first = store.open(source('a'));
    await vi.waitFor(() => expect(held.signals).toHaveLength(1));
    const second = store.open(source('b'));
    await first;
    expect(held.signals[0]?.aborted).toBe(true);
    await vi.waitFor(() => expect(held.signals).toHaveLength(2));
    held.releases[1]!();
    await second;
    expect(store.getSnapshot().active?.sourceId).toBe('b');
    expect(store.getSnapshot().error).toBeNull();
  });

  it('Cancel stops the open, keeps the previous dataset and remembers what was cancelled', async () => {
    const held = heldOpen();
    const fake = createFakeEngine();
    let holding = false;
    const engine = createFakeEngine({
      open: (shards, options) =>
        holding ? held.open(shards, options) : fake.open(shards, options),
    });
    const store = new DatasetStore(engine);
    await store.open(source('a'));
    holding = true;
    const b = source('b');
    const opening = store.open(b);
    store.cancel();
    await opening;
    const { active, loading, cancelled } = store.getSnapshot();
    expect(active?.sourceId).toBe('a');
    expect(loading).toBeNull();
    expect(cancelled).toBe(b);
  });
});
