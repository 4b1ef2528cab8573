import { useSyncExternalStore } from 'react';
import { useEngine } from '../../db';
import { replaceSearchParams } from '../../lib/url-params';
import { clearFacet } from '../../model/filters';
import { useFilters } from '../filters';
import { withFilters } from '../../model/filters-url';
import type { SearchSpec } from '../../model/search-spec';
import { SearchForm } from './search-form';
import { SearchHits } from './search-hits';
import { SearchOutcome, SearchRunning } from './search-status';
import { useSearchStore } from './search-store';
import { useSearchRunner } from './use-search-runner';

/**
 * Text search over the open dataset: the box, the scan's progress with Cancel, and the first hits
 * as they are found. The search lives in the URL (`q`, `qscope`, `qre`, `qword`); the rest of the
 * app narrows to it once the scan completes (`useFilters` sets `searchHits`).
 */
export function SearchBar({ datasetId }: { datasetId: number }) {
  const engine = useEngine();
  const searchStore = useSearchStore();
  const { filters, setFilters } = useFilters();
  const { run } = useSyncExternalStore(searchStore.subscribe, searchStore.getSnapshot);
  useSearchRunner(datasetId, filters.search);
  const completed = searchStore.completed(filters.search);

  const submit = (spec: SearchSpec) => {
    // Submitting again runs again, even the search that was just cancelled or failed.
    if (!searchStore.completed(spec)) searchStore.start(spec);
    setFilters({ ...clearFacet(filters, 'search'), search: spec });
  };
  const clear = () => setFilters(clearFacet(filters, 'search'));
  const cancel = () => {
    const previous = searchStore.cancel();
    // Back to the search that was applied before (or none), without a new history entry.
    replaceSearchParams((params) => {
      const reverted = withFilters(params, {
        ...clearFacet(filters, 'search'),
        ...(previous && { search: previous }),
      });
      for (const name of new Set(params.keys())) params.delete(name);
      for (const [name, value] of reverted) params.append(name, value);
    });
  };

  // A cancelled search keeps its text in the box, so it can be submitted again.
  const shown = run?.status === 'cancelled' ? run.spec : filters.search;
  return (
    <div className="flex flex-col gap-2">
      <SearchForm
        initial={shown}
        onSubmit={submit}
        onClear={clear}
        onFocus={engine.prepareSearch}
      />
      {run?.status === 'running' && <SearchRunning progress={run.progress} onCancel={cancel} />}
      {run?.status === 'cancelled' && (
        <SearchOutcome kind="cancelled" text={run.spec.text} kept={filters.search?.text} />
      )}
      {run?.status === 'failed' && <SearchOutcome kind="failed" error={run.error ?? 'unknown'} />}
      {!run && completed && (
        <SearchOutcome
          kind="done"
          matches={completed.matches}
          withoutIndex={completed.withoutIndex}
        />
      )}
      {(run?.status === 'running' || (!run && completed)) && (
        <SearchHits
          datasetId={datasetId}
          snippets={run?.status === 'running' ? run.snippets : (completed?.snippets ?? [])}
        />
      )}
    </div>
  );
}
