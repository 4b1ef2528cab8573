import { useEngine, type Engine, type OpenDataset } from '../../db';

/** A console query whose ids are stored in `id_sets` under `id`, for `dataset` only. */
export interface AppliedIdQuery {
  query: string;
  id: number;
  dataset: OpenDataset;
  /** Distinct ids the query returned. */
  ids: number;
}

export interface IdFilterSnapshot {
  /** Oldest first; at most `KEPT_SETS`, so Back and Forward between them need no rerun. */
  applied: readonly AppliedIdQuery[];
  /** The query being run for its ids, if any. */
  running: string | null;
  /** The last run that failed, with the console's message (no column, a syntax error...). */
  failed: { query: string; message: string } | null;
}

const KEPT_SETS = 4;

/**
 * "Use as filter": console queries run for their `conversation_id`s. `useFilters` reads the
 * mapping from query text to stored set, so a filter narrows only once its ids are stored; a query
 * that arrives in a link stays unapplied until `apply` is called from a click.
 */
export class IdFilterStore {
  private snapshot: IdFilterSnapshot = { applied: [], running: null, failed: null };
  private listeners = new Set<() => void>();

  constructor(private readonly engine: Engine) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** Runs `query` and stores its ids; resolves true when they are stored. */
  async apply(query: string): Promise<boolean> {
    const dataset = this.engine.dataset();
    if (!dataset) return false;
    if (findIdSet(this.snapshot, query, dataset)) return true;
    this.set({ running: query, failed: null });
    try {
      const stored = await this.engine.storeIdSet(query);
      const kept = this.snapshot.applied.filter((a) => a.dataset === dataset && a.query !== query);
      const dropped = this.snapshot.applied.filter((a) => !kept.includes(a));
      while (kept.length >= KEPT_SETS) dropped.push(kept.shift()!);
      for (const old of dropped) void this.engine.dropIdSet(old.id).catch(() => undefined);
      this.set({ applied: [...kept, { query, dataset, ...stored }], running: null });
      return true;
    } catch (e) {
      this.set({
        running: null,
        failed: { query, message: e instanceof Error ? e.message : String(e) },
      });
      return false;
    }
  }

  private set(patch: Partial<IdFilterSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** The stored set of `query` over `dataset`, if it has been run there. */
export function findIdSet(
  snapshot: IdFilterSnapshot,
  query: string | undefined,
  dataset: OpenDataset | undefined,
): AppliedIdQuery | undefined {
  if (query === undefined || !dataset) return undefined;
  return snapshot.applied.find((a) => a.query === query && a.dataset === dataset);
}

const stores = new WeakMap<Engine, IdFilterStore>();

/** The tab's one id-set store (per engine), shared by the console and `useFilters`. */
export function idFilterStoreOf(engine: Engine): IdFilterStore {
  let store = stores.get(engine);
  if (!store) stores.set(engine, (store = new IdFilterStore(engine)));
  return store;
}

export const useIdFilterStore = () => idFilterStoreOf(useEngine());
