import { useMemo, useState } from 'react';
import type { DataSource } from '../db/data-source';
import { dataSourceFromUrl } from '../features/dataset/data-source-from-url';
import { DatasetStatus } from '../features/dataset/dataset-status';
import { LoadingProgress } from '../features/dataset/loading-progress';
import { CancelledNotice } from '../features/dataset/cancelled-notice';
import { restoreHubToken } from '../features/dataset/hf-token';
import { OpenData } from '../features/dataset/open-data';
import { OpenError } from '../features/dataset/open-error';
import { useSourceLink } from '../features/dataset/use-source-link';
import { useDataset } from '../features/dataset/use-dataset';
import { SearchBar } from '../features/search/search-bar';
import { UrlProblemsNotice } from '../features/filters/url-problems-notice';
import { ViewSwitch } from './view-switch';
import { Workspace } from './workspace';

export function App() {
  const source = useMemo(() => {
    // A token remembered for this tab must be in place before a `?data=` link opens gated files.
    restoreHubToken();
    return dataSourceFromUrl(window.location.href);
  }, []);
  const dataset = useDataset(source);
  // The last source asked for: what Retry opens again, and what the URL follows once it is open.
  const [requested, setRequested] = useState<DataSource>(source);
  const open = (next: DataSource) => {
    setRequested(next);
    dataset.open(next);
  };
  useSourceLink(requested, dataset.active?.sourceId);
  return (
    <div className="mx-auto flex min-h-screen max-w-[120rem] flex-col gap-3 p-4">
      <header className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-xl font-semibold">Convoscope</h1>
        <OpenData onOpen={open} />
        {dataset.active && (
          <>
            <span className="text-sm text-slate-500">{dataset.active.label}</span>
            <DatasetStatus datasetVersion={dataset.active.version} />
            <div className="ml-auto self-center">
              <ViewSwitch />
            </div>
          </>
        )}
      </header>
      {dataset.loading && (
        <LoadingProgress
          key={dataset.loading.label}
          label={dataset.loading.label}
          progress={dataset.loading.progress}
          onCancel={dataset.cancel}
        />
      )}
      {dataset.cancelled && (
        <CancelledNotice
          source={dataset.cancelled}
          keptLabel={dataset.active?.label ?? null}
          onRetry={() => open(dataset.cancelled!)}
        />
      )}
      {dataset.error && (
        <OpenError
          message={dataset.error}
          keptLabel={dataset.active?.label ?? null}
          onRetry={() => open(requested)}
        />
      )}
      <UrlProblemsNotice />
      {dataset.active && <SearchBar datasetVersion={dataset.active.version} />}
      {dataset.active && <Workspace datasetVersion={dataset.active.version} />}
    </div>
  );
}
