import { DatasetError } from '../engine/dataset-error';
import { currentHubAuth, onHubAuthChange, type HubAuth } from '../net/hub-auth';
import type { WorkerRequest, WorkerResponse, WorkerResults } from './parquet-protocol';
import { inheritingWorker } from './blob-worker';
// Bundled as a worker, loaded through a blob so it inherits the page's policy (blob-worker.ts).
import parquetWorkerUrl from './parquet-worker?worker&url';

interface Pending {
  request: WorkerRequest;
  resolve: (value: never) => void;
  reject: (error: unknown) => void;
  /** Times this request was sent again after its worker crashed. */
  resent: number;
  pinned: boolean;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * Parquet Workers, one per core (two here): decoding is CPU-bound, so the metadata build spreads row
 * groups over both. Requests go to the least busy worker. `reset()` terminates everything in flight,
 * which is how a build is cancelled: aborting a read inside parquet-wasm is not possible.
 *
 * A worker whose wasm instance dies (a Rust panic, or a worker error) is replaced, and the requests
 * it held are sent once more to a fresh worker: every read is idempotent, and a panic can leave
 * the instance unusable for requests that had nothing to do with it (a Retry right after a failed
 * open met exactly that). Pools whose workers keep state between requests (the export's writer)
 * pass `resendOnCrash: false`.
 *
 * `pinned` requests all go to one worker (the pinned one, chosen when first needed and again if it
 * ends): reads that keep a giant row group decoded in their worker (kept-group.ts) then find it
 * there, and only one worker of the pool holds one.
 */
export class ParquetPool {
  private slots: Slot[] = [];
  private nextId = 1;
  private readonly resendOnCrash: boolean;
  private readonly endWhenIdleMs: number | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private pinnedSlot: Slot | undefined;

  constructor(
    readonly size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)),
    options: {
      resendOnCrash?: boolean;
      /** Ends every worker once no request has come for this long (see `recycleIdle`). */
      endWhenIdleMs?: number;
    } = {},
  ) {
    this.resendOnCrash = options.resendOnCrash ?? true;
    this.endWhenIdleMs = options.endWhenIdleMs;
    // Workers fetch for themselves, so each gets the page's Hub token (or its removal).
    onHubAuthChange((hubAuth) => this.slots.forEach((slot) => this.sendAuth(slot.worker, hubAuth)));
  }

  /** Whether any worker is running (its wasm compiled, its files' footers likely read). */
  get started(): boolean {
    return this.slots.length > 0;
  }

  private sendAuth(worker: Worker, hubAuth: HubAuth | null) {
    worker.postMessage({ hubAuth });
  }

  run<K extends WorkerRequest['type']>(
    request: Extract<WorkerRequest, { type: K }>,
    options: { pinned?: boolean } = {},
  ): Promise<WorkerResults[K]> {
    return new Promise<WorkerResults[K]>((resolve, reject) => {
      this.dispatch({
        request,
        resolve: resolve as (value: never) => void,
        reject,
        resent: 0,
        pinned: options.pinned ?? false,
      });
    });
  }

  private dispatch(pending: Pending): void {
    clearTimeout(this.idleTimer);
    const slot = pending.pinned ? this.pinned() : this.leastBusy();
    const id = this.nextId++;
    slot.pending.set(id, pending);
    slot.worker.postMessage({ id, request: pending.request });
  }

  /** Terminates every worker; whatever was in flight rejects with `reason`. */
  reset(reason: unknown): void {
    clearTimeout(this.idleTimer);
    for (const slot of this.slots) {
      slot.worker.terminate();
      for (const p of slot.pending.values()) p.reject(reason);
    }
    this.slots = [];
  }

  /**
   * Ends the workers that hold no request, replacing them with fresh ones unless `replace` is
   * false. A worker's thread keeps some of what its reads left (less with the Blob reads of
   * range-fetch.ts than with streamed bodies): not garbage a collection frees, but memory only
   * ending the thread returns.
   */
  recycleIdle({ replace = true } = {}): void {
    const kept: Slot[] = [];
    for (const slot of this.slots) {
      if (slot.pending.size > 0) kept.push(slot);
      else {
        slot.worker.terminate();
        // A replacement compiles parquet-wasm now (after a build: while the first screen's
        // queries run); without one, the next request starts a worker.
        if (replace) kept.push(this.spawn());
      }
    }
    this.slots = kept;
  }

  /** Once nothing is in flight, starts the countdown to ending the workers (`endWhenIdleMs`). */
  private whenIdleEnd(): void {
    if (this.endWhenIdleMs === undefined || this.slots.some((s) => s.pending.size > 0)) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.recycleIdle({ replace: false }), this.endWhenIdleMs);
  }

  /** The pinned worker, while it lives; else the least busy one becomes it. */
  private pinned(): Slot {
    if (!this.pinnedSlot || !this.slots.includes(this.pinnedSlot)) {
      this.pinnedSlot = this.leastBusy();
    }
    return this.pinnedSlot;
  }

  private leastBusy(): Slot {
    if (this.slots.length < this.size) {
      const slot = this.spawn();
      this.slots.push(slot);
      return slot;
    }
    return this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  private spawn(): Slot {
    const worker = inheritingWorker(parquetWorkerUrl, 'module');
    const slot: Slot = { worker, pending: new Map() };
    this.sendAuth(worker, currentHubAuth());
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const response = event.data;
      const pending = slot.pending.get(response.id);
      if (!pending) return;
      slot.pending.delete(response.id);
      // A Rust panic leaves the wasm instance unusable: the worker is replaced. A request that
      // caused it names its fault (`problem`, e.g. a connection cut mid-body) and fails with it;
      // one without is a bystander, sent again with the others the worker held.
      const crashed = !response.ok && /unreachable|RuntimeError/.test(response.message);
      if (crashed && !response.problem) {
        slot.pending.set(response.id, pending);
        return this.retire(slot, new Error(response.message));
      }
      this.whenIdleEnd();
      if (response.ok) pending.resolve(response.result as never);
      else if (response.problem) pending.reject(new DatasetError(response.problem));
      else pending.reject(new Error(response.message));
      if (crashed) this.retire(slot, new Error(response.message));
    };
    worker.onerror = (event) => {
      this.retire(slot, new Error(event.message || 'parquet worker failed'));
    };
    return slot;
  }

  /** Replaces a dead worker; what it held is sent again once, or fails with `cause`. */
  private retire(slot: Slot, cause: Error): void {
    this.slots = this.slots.filter((s) => s !== slot);
    slot.worker.terminate();
    const held = [...slot.pending.values()];
    slot.pending.clear();
    for (const p of held) {
      if (this.resendOnCrash && p.resent === 0) this.dispatch({ ...p, resent: 1 });
      else p.reject(new Error(`parquet worker was restarted: ${cause.message}`));
    }
    this.whenIdleEnd(); // what it held may have been the last requests in flight
  }
}
