import { DatasetError } from './dataset-error';
import { currentHubAuth, onHubAuthChange, type HubAuth } from './hub-auth';
import type { WorkerRequest, WorkerResponse, WorkerResults } from './parquet-protocol';

interface Pending {
  resolve: (value: never) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * Parquet Workers, one per core (two here): decoding is CPU-bound, so the metadata build spreads row
 * groups over both. Requests go to the least busy worker. `reset()` terminates everything in flight,
 * which is how a build is cancelled: aborting a read inside parquet-wasm is not possible.
 */
export class ParquetPool {
  private slots: Slot[] = [];
  private nextId = 1;

  constructor(readonly size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2))) {
    // Workers fetch for themselves, so each gets the page's Hub token (or its removal).
    onHubAuthChange((hubAuth) => this.slots.forEach((slot) => this.sendAuth(slot.worker, hubAuth)));
  }

  private sendAuth(worker: Worker, hubAuth: HubAuth | null) {
    worker.postMessage({ hubAuth });
  }

  run<K extends WorkerRequest['type']>(
    request: Extract<WorkerRequest, { type: K }>,
  ): Promise<WorkerResults[K]> {
    const slot = this.leastBusy();
    const id = this.nextId++;
    return new Promise<WorkerResults[K]>((resolve, reject) => {
      slot.pending.set(id, { resolve: resolve as (value: never) => void, reject });
      slot.worker.postMessage({ id, request });
    });
  }

  /** Terminates every worker; whatever was in flight rejects with `reason`. */
  reset(reason: unknown): void {
    for (const slot of this.slots) {
      slot.worker.terminate();
      for (const p of slot.pending.values()) p.reject(reason);
    }
    this.slots = [];
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
    const worker = new Worker(new URL('./parquet-worker.ts', import.meta.url), { type: 'module' });
    const slot: Slot = { worker, pending: new Map() };
    this.sendAuth(worker, currentHubAuth());
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const response = event.data;
      const pending = slot.pending.get(response.id);
      if (!pending) return;
      slot.pending.delete(response.id);
      if (response.ok) pending.resolve(response.result as never);
      else if (response.problem) pending.reject(new DatasetError(response.problem));
      else pending.reject(new Error(response.message));
      // A Rust panic leaves the wasm instance unusable: replace the worker.
      if (!response.ok && /unreachable|RuntimeError/.test(response.message)) this.retire(slot);
    };
    worker.onerror = (event) => {
      for (const p of slot.pending.values())
        p.reject(new Error(event.message || 'parquet worker failed'));
      slot.pending.clear();
      this.retire(slot);
    };
    return slot;
  }

  private retire(slot: Slot): void {
    this.slots = this.slots.filter((s) => s !== slot);
    for (const p of slot.pending.values()) p.reject(new Error('parquet worker was restarted'));
    slot.worker.terminate();
  }
}
