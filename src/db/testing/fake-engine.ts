import type { Engine, OpenDataset, RowLocator } from '../engine/engine-types';
import { previewKey } from '../engine/engine-types';
import type { ShardRef } from '../worker/parquet-protocol';

/** One call the fake answered: which method, with what. */
export interface FakeCall {
  method: keyof Engine;
  args: unknown[];
}

export interface FakeEngine extends Engine {
  /** Every call, in order. */
  readonly calls: FakeCall[];
  /** The arguments of each call of `method`. */
  callsOf(method: keyof Engine): unknown[][];
}

/** The text the fake gives as a row's preview. */
export const fakePreview = (row: RowLocator) => `preview of ${previewKey(row)}`;

let fakeIds = 1_000_000;

/**
 * An `Engine` with in-memory answers, for unit tests of what sits above the engine (stores, hooks,
 * query options). By default: `open` makes a dataset of 10 rows a shard (honouring `signal`),
 * `query` answers [], `readPreviews` answers `fakePreview(row)`, `search` and `storeIdSet` succeed
 * with fresh ids. Any method can be replaced through `overrides`; every call is recorded.
 */
export function createFakeEngine(overrides: Partial<Engine> = {}): FakeEngine {
  const calls: FakeCall[] = [];
  let current: OpenDataset | undefined;
  const notFaked = (name: string) => () => Promise.reject(new Error(`${name} is not faked`));

  const defaults: Engine = {
    start: () => Promise.resolve(),
    async open(shards: ShardRef[], options = {}) {
      options.signal?.throwIfAborted();
      options.onProgress?.({
        shardsDone: shards.length,
        shardsTotal: shards.length,
        bytesRead: 0,
        bytesTotal: 0,
        rowsDone: shards.length * 10,
        rowsTotal: shards.length * 10,
      });
      await Promise.resolve();
      options.signal?.throwIfAborted();
      current = { id: fakeIds++, rows: shards.length * 10, origin: 'built' };
      return current;
    },
    dataset: () => current,
    query: () => Promise.resolve([]),
    readConversation: () => Promise.resolve([]),
    async readPreviews(rows) {
      return new Map(rows.map((r) => [previewKey(r), fakePreview(r)]));
    },
    prepareSearch: () => undefined,
    async search() {
      if (!current) throw new Error('no dataset is open');
      return { id: fakeIds++, matches: 0, milliseconds: 0, dataset: current };
    },
    prepareExport: () => undefined,
    exportSelection: notFaked('exportSelection'),
    loadMessages: notFaked('loadMessages'),
    prepareScoreCube: () => Promise.resolve(),
    sharedIdsReady: () => false,
    consoleQuery: notFaked('consoleQuery'),
    storeIdSet: async () => ({ id: fakeIds++, ids: 0 }),
    dropIdSet: () => Promise.resolve(),
    cachedBytes: () => Promise.resolve(0),
    forgetCache: () => Promise.resolve(),
    async close() {
      current = undefined;
    },
  };

  const answers: Engine = { ...defaults, ...overrides };
  const recorded = Object.fromEntries(
    (Object.keys(answers) as (keyof Engine)[]).map((method) => [
      method,
      (...args: unknown[]) => {
        calls.push({ method, args });
        return (answers[method] as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as Engine;
  return {
    ...recorded,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.args),
  };
}
