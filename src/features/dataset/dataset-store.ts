import {
  DatasetError,
  type BuildProgress,
  type DataSource,
  type Engine,
  type TableOrigin,
} from '../../db';

export interface ActiveDataset {
  sourceId: string;
  label: string;
  rows: number;
  /** Whether the table was built from the shards, read from the cache or from an index sidecar. */
  origin: TableOrigin;
  /** A note on how it was opened (a stale index beside the shards), or null. */
  note: string | null;
  /** The engine's id of the open dataset (OpenDataset.id): part of every query key. */
  datasetId: number;
}

export interface DatasetSnapshot {
  active: ActiveDataset | null;
  loading: { label: string; progress: BuildProgress | null } | null;
  error: string | null;
  /** The open that was cancelled, so the user can start it again. */
  cancelled: DataSource | null;
}

/**
 * The open dataset and the open in progress. Keeps the last good dataset while a new one loads,
 * fails or is cancelled: an open never takes away what the user had.
 */
export class DatasetStore {
  private snapshot: DatasetSnapshot = { active: null, loading: null, error: null, cancelled: null };
  private opening: DataSource | null = null;
  private listeners = new Set<() => void>();
  private controller: AbortController | null = null;

  constructor(private readonly engine: Engine) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** Opens a source; a newer open cancels an older one still running. */
  async open(source: DataSource): Promise<void> {
    this.controller?.abort();
    const abort = new AbortController();
    this.controller = abort;
    this.opening = source;
    this.set({ error: null, cancelled: null, loading: { label: source.label, progress: null } });
    try {
      const shards = await source.resolveShards(abort.signal);
      const built = await this.engine.open(shards, {
        signal: abort.signal,
        onProgress: (progress) => {
          if (!abort.signal.aborted) this.set({ loading: { label: source.label, progress } });
        },
      });
      if (abort.signal.aborted) return;
      const active = {
        sourceId: source.id,
        label: source.label,
        rows: built.rows,
        origin: built.origin,
        note: built.note ?? null,
        datasetId: built.id,
      };
      this.set({ active, loading: null });
    } catch (e) {
      if (abort.signal.aborted) return;
      const message =
        e instanceof DatasetError ? e.message : `Could not open the data: ${String(e)}`;
      this.set({ error: message, loading: null });
    }
  }

  cancel = () => {
    if (!this.controller) return;
    this.controller.abort();
    this.controller = null;
    this.set({ loading: null, cancelled: this.opening });
  };

  private set(patch: Partial<DatasetSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
