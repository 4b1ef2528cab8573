import {
  useEngine,
  type Engine,
  type OpenDataset,
  type SearchProgress,
  type SearchSnippet,
} from '../../db';
import type { SearchSpec } from '../../model/search-spec';
import { buildDropSearchHits } from '../../sql/search-hits';

/** One search state's identity: equal specs, equal keys. */
export const searchKey = (spec: SearchSpec) =>
  JSON.stringify([spec.text, spec.scope, spec.regex, spec.wholeWord]);

/** A scan that finished: its rows are in `search_hits` under `id`, for `dataset` only. */
export interface CompletedSearch {
  key: string;
  id: number;
  dataset: OpenDataset;
  matches: number;
  snippets: SearchSnippet[];
  /** Why the dataset's text index did not narrow it, when it has one. */
  withoutIndex?: string;
}

/** The scan in progress, or the last one that did not complete (cancelled or failed). */
export interface SearchRun {
  key: string;
  spec: SearchSpec;
  dataset: OpenDataset | undefined;
  status: 'running' | 'cancelled' | 'failed';
  progress: SearchProgress | null;
  snippets: SearchSnippet[];
  error?: string;
  /** The search applied when this one started: what Cancel goes back to. */
  previous: SearchSpec | undefined;
}

export interface SearchSnapshot {
  run: SearchRun | null;
  /** Oldest first; at most `KEPT_SEARCHES`. */
  completed: readonly CompletedSearch[];
}

/** Completed searches whose rows stay in DuckDB, so Back and Forward between them are instant. */
const KEPT_SEARCHES = 8;
const SNIPPETS = 20;

/**
 * Text searches of this tab: the one running (at most one; a new one cancels it) and the last few
 * completed, mapping each search key to its id in `search_hits`. `useFilters` reads the mapping to
 * narrow the other queries once a scan is complete.
 */
export class SearchStore {
  private snapshot: SearchSnapshot = { run: null, completed: [] };
  private listeners = new Set<() => void>();
  private controller: AbortController | null = null;
  /** The URL's search when it last stood complete (or absent): where a cancelled search returns. */
  private applied: SearchSpec | undefined;

  constructor(private readonly engine: Engine) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** The completed scan of `spec` over the dataset open now, if any. */
  completed(spec: SearchSpec | undefined): CompletedSearch | undefined {
    return findCompleted(this.snapshot, spec, this.engine.dataset());
  }

  /**
   * Brings the scan in step with the URL's search: none stops a scan in progress; a completed one is
   * applied (a scan of another search stops); any other starts, unless it is running already or was
   * just cancelled or failed (those wait for the user to submit again).
   */
  sync(spec: SearchSpec | undefined) {
    if (!spec) {
      this.applied = undefined;
      this.stop('Search removed');
      if (this.snapshot.run?.status === 'failed') this.set({ run: null });
      return;
    }
    if (this.completed(spec)) {
      this.applied = spec;
      if (this.snapshot.run?.key !== searchKey(spec)) this.stop('Another search was applied');
      return;
    }
    const run = this.snapshot.run;
    if (run && run.key === searchKey(spec) && run.dataset === this.engine.dataset()) return;
    this.start(spec);
  }

  /** Runs `spec` now, cancelling a scan in progress. */
  start(spec: SearchSpec) {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const key = searchKey(spec);
    const live = () => this.controller === controller;
    const patchRun = (patch: Partial<SearchRun>) => {
      if (live() && this.snapshot.run) this.set({ run: { ...this.snapshot.run, ...patch } });
    };
    this.set({
      run: {
        key,
        spec,
        dataset: this.engine.dataset(),
        status: 'running',
        progress: null,
        snippets: [],
        previous: this.applied,
      },
    });
    this.engine
      .search(spec, {
        signal: controller.signal,
        snippetLimit: SNIPPETS,
        onProgress: (progress) => patchRun({ progress }),
        onHits: (snippets) =>
          patchRun({ snippets: [...(this.snapshot.run?.snippets ?? []), ...snippets] }),
      })
      .then(
        (result) => {
          if (!live()) return;
          this.controller = null;
          const done: CompletedSearch = {
            key,
            id: result.id,
            dataset: result.dataset,
            matches: result.matches,
            snippets: this.snapshot.run?.snippets ?? [],
            ...(result.withoutIndex && { withoutIndex: result.withoutIndex }),
          };
          const kept = [...this.snapshot.completed.filter((c) => c.key !== key), done];
          for (const old of kept.splice(0, Math.max(0, kept.length - KEPT_SEARCHES)))
            void this.engine.query(buildDropSearchHits(old.id)).catch(() => undefined);
          this.applied = spec;
          this.set({ run: null, completed: kept });
        },
        (error: unknown) => {
          if (!live()) return;
          // Patched while still live: `patchRun` ignores a run that is no longer the current one.
          patchRun({
            status: 'failed',
            error: error instanceof Error ? error.message : String(error),
          });
          this.controller = null;
        },
      );
  }

  /** Stops the scan in progress; the previous search stays applied. Returns what to go back to. */
  cancel(): SearchSpec | undefined {
    const run = this.snapshot.run;
    if (!this.controller || run?.status !== 'running') return undefined;
    this.controller.abort(new DOMException('Search cancelled', 'AbortError'));
    this.controller = null;
    this.set({ run: { ...run, status: 'cancelled' } });
    return run.previous;
  }

  private stop(reason: string) {
    if (this.snapshot.run?.status !== 'running') return;
    this.controller?.abort(new DOMException(reason, 'AbortError'));
    this.controller = null;
    this.set({ run: null });
  }

  private set(patch: Partial<SearchSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** The completed scan of `spec` over `dataset` in a snapshot, if any. */
export function findCompleted(
  snapshot: SearchSnapshot,
  spec: SearchSpec | undefined,
  dataset: OpenDataset | undefined,
): CompletedSearch | undefined {
  if (!spec || !dataset) return undefined;
  const key = searchKey(spec);
  return snapshot.completed.find((c) => c.key === key && c.dataset === dataset);
}

const stores = new WeakMap<Engine, SearchStore>();

/** The tab's one search store (per engine), shared by the search UI and `useFilters`. */
export function searchStoreOf(engine: Engine): SearchStore {
  let store = stores.get(engine);
  if (!store) stores.set(engine, (store = new SearchStore(engine)));
  return store;
}

export const useSearchStore = () => searchStoreOf(useEngine());
