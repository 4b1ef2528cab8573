import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ParquetPool } from './parquet-pool';
import type { WorkerRequest } from './parquet-protocol';

/**
 * A stand-in for the parquet worker: the first one spawned panics on its first request and never
 * answers the rest (a dead wasm instance); later ones answer every request with its shard name.
 */
class FakeWorker {
  static spawned: FakeWorker[] = [];
  /** The named fault the first crash reports for its own request, if any. */
  static faultOnFirst: { file: string; message: string } | undefined;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  terminated = false;
  /** Shard names of the requests this worker was sent. */
  received: string[] = [];
  private readonly broken = FakeWorker.spawned.length === 0;
  private seen = 0;
  constructor() {
    FakeWorker.spawned.push(this);
  }
  postMessage(message: { id?: number; request?: { shard: { name: string } } }) {
    if (message.id === undefined) return; // the Hub token
    const { id, request } = message;
    this.received.push(request!.shard.name);
    const first = this.seen++ === 0;
    queueMicrotask(() => {
      if (this.terminated) return;
      if (this.broken && first)
        this.onmessage?.({
          data: {
            id,
            ok: false,
            message: 'RuntimeError: unreachable',
            problem: FakeWorker.faultOnFirst,
          },
        });
      else if (!this.broken)
        this.onmessage?.({ data: { id, ok: true, result: request!.shard.name } });
    });
  }
  terminate() {
    this.terminated = true;
  }
}

const inspect = (name: string) =>
  ({ type: 'inspect', shard: { name, url: `https://h/${name}` } }) as Extract<
    WorkerRequest,
    { type: 'inspect' }
  >;

describe('the parquet pool after a worker crash', () => {
  beforeEach(() => {
    FakeWorker.spawned = [];
    FakeWorker.faultOnFirst = undefined;
    vi.stubGlobal('Worker', FakeWorker);
    // Workers start from blob URLs made against the page's address (blob-worker.ts).
    vi.stubGlobal('location', new URL('http://app.test/'));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('replaces the worker and sends what it held, the failed request too, to a fresh one', async () => {
    const pool = new ParquetPool(1);
    const results = await Promise.all([pool.run(inspect('a')), pool.run(inspect('b'))]);
    expect(results).toEqual(['a', 'b']);
    expect(FakeWorker.spawned).toHaveLength(2);
    expect(FakeWorker.spawned[0]!.terminated).toBe(true);
  });

  it('fails a request whose own fault caused the crash with that fault, and resends the rest', async () => {
    FakeWorker.faultOnFirst = { file: 'a', message: 'could not be read: the connection was cut' };
    const pool = new ParquetPool(1);
    const a = pool.run(inspect('a'));
    const b = pool.run(inspect('b'));
    await expect(a).rejects.toThrow('a: could not be read: the connection was cut');
    await expect(b).resolves.toBe('b');
  });

  it('fails the held requests, naming the crash, when resending is off (stateful workers)', async () => {
    const pool = new ParquetPool(1, { resendOnCrash: false });
    const a = pool.run(inspect('a'));
    const b = pool.run(inspect('b'));
    await expect(a).rejects.toThrow('parquet worker was restarted: RuntimeError: unreachable');
    await expect(b).rejects.toThrow('parquet worker was restarted: RuntimeError: unreachable');
    // The pool still works on a fresh worker.
    await expect(pool.run(inspect('c'))).resolves.toBe('c');
  });
});

/** Every worker the pool spawns answers: the broken first one is taken before each test. */
function useAnsweringWorkers() {
  beforeEach(() => {
    FakeWorker.spawned = [];
    new FakeWorker();
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('location', new URL('http://app.test/'));
  });
  afterEach(() => vi.unstubAllGlobals());
}

describe('recycling idle workers', () => {
  useAnsweringWorkers();

  it('replaces only the workers without a request with fresh ones, which then serve', async () => {
    const pool = new ParquetPool(2);
    await Promise.all([pool.run(inspect('a')), pool.run(inspect('b'))]);
    const [first, second] = FakeWorker.spawned.slice(1);
    const busy = pool.run(inspect('c')); // held by one of the two until its microtask
    pool.recycleIdle();
    expect([first!.terminated, second!.terminated].sort()).toEqual([false, true]);
    expect(FakeWorker.spawned).toHaveLength(4); // the placeholder, the two, one replacement
    await expect(busy).resolves.toBe('c');
    pool.recycleIdle(); // both idle now: both are replaced
    expect(FakeWorker.spawned).toHaveLength(6);
    const live = FakeWorker.spawned.slice(1).filter((w) => !w.terminated);
    expect(live).toEqual(FakeWorker.spawned.slice(4));
    await expect(Promise.all(['d', 'e', 'f'].map((n) => pool.run(inspect(n))))).resolves.toEqual([
      'd',
      'e',
      'f',
    ]);
    expect(FakeWorker.spawned).toHaveLength(6);
  });

  it('only ends the idle workers when told not to replace them; a request then starts one', async () => {
    const pool = new ParquetPool(2);
    await Promise.all([pool.run(inspect('a')), pool.run(inspect('b'))]);
    pool.recycleIdle({ replace: false });
    expect(FakeWorker.spawned.slice(1).every((w) => w.terminated)).toBe(true);
    expect(pool.started).toBe(false);
    await expect(pool.run(inspect('c'))).resolves.toBe('c');
    expect(FakeWorker.spawned).toHaveLength(4);
  });

  it('ends its workers once no request has come for endWhenIdleMs, and not before', async () => {
    vi.useFakeTimers();
    try {
      const pool = new ParquetPool(2, { endWhenIdleMs: 1_000 });
      await Promise.all([pool.run(inspect('a')), pool.run(inspect('b'))]);
      vi.advanceTimersByTime(900);
      await pool.run(inspect('c')); // a request in time restarts the countdown
      vi.advanceTimersByTime(900);
      expect(pool.started).toBe(true);
      vi.advanceTimersByTime(100);
      expect(pool.started).toBe(false);
      expect(FakeWorker.spawned.slice(1).every((w) => w.terminated)).toBe(true);
      await expect(pool.run(inspect('d'))).resolves.toBe('d');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('pinned requests', () => {
  useAnsweringWorkers();

  it('all go to one worker, however busy, while the others share the rest', async () => {
    const pool = new ParquetPool(2);
    const runs = [
      pool.run(inspect('kept 1'), { pinned: true }),
      pool.run(inspect('kept 2'), { pinned: true }),
      pool.run(inspect('other 1')),
      pool.run(inspect('kept 3'), { pinned: true }),
      pool.run(inspect('other 2')),
    ];
    await Promise.all(runs);
    const [first, second] = FakeWorker.spawned.slice(1);
    expect(first!.received).toEqual(['kept 1', 'kept 2', 'kept 3']);
    expect(second!.received).toEqual(['other 1', 'other 2']);
  });

  it('go to a new pinned worker once the pinned one is ended', async () => {
    const pool = new ParquetPool(2);
    await pool.run(inspect('kept 1'), { pinned: true });
    pool.recycleIdle({ replace: false });
    await pool.run(inspect('kept 2'), { pinned: true });
    await pool.run(inspect('kept 3'), { pinned: true });
    const live = FakeWorker.spawned.slice(1).filter((w) => !w.terminated);
    expect(live.map((w) => w.received)).toEqual([['kept 2', 'kept 3']]);
  });
});
