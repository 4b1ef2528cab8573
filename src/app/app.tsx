import { useMemo } from 'react';
import { dataSourceFromUrl } from '../features/dataset/data-source-from-url';
import { DatasetOrigin } from '../features/dataset/dataset-origin';
import { DatasetStatus } from '../features/dataset/dataset-status';
import { ForgetCacheButton } from '../features/dataset/forget-cache-button';
import { LoadingProgress } from '../features/dataset/loading-progress';
import { CancelledNotice } from '../features/dataset/cancelled-notice';
import { useDataset } from '../features/dataset/use-dataset';
import { SearchBar } from '../features/search/search-bar';
import { UrlProblemsNotice } from '../features/filters/url-problems-notice';
import { ViewSwitch } from './view-switch';
import { Workspace } from './workspace';

export function App() {
  const source = useMemo(() => dataSourceFromUrl(window.location.href), []);
  const dataset = useDataset(source);
  return (
    <div className="mx-auto flex min-h-screen max-w-[120rem] flex-col gap-3 p-4">
      <header className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-xl font-semibold">Convoscope</h1>
        {dataset.active && (
          <>
            <span className="text-sm text-slate-500">{dataset.active.label}</span>
            <DatasetStatus datasetVersion={dataset.active.version} />
            <DatasetOrigin origin={dataset.active.origin} note={dataset.active.note} />
            <ForgetCacheButton datasetVersion={dataset.active.version} />
            <div className="ml-auto self-center">
              <ViewSwitch />
            </div>
          </>
        )}
      </header>
      {dataset.loading && (
        <LoadingProgress
          label={dataset.loading.label}
          progress={dataset.loading.progress}
          onCancel={dataset.cancel}
        />
      )}
      {dataset.cancelled && (
        <CancelledNotice
          source={dataset.cancelled}
          keptLabel={dataset.active?.label ?? null}
          onRetry={() => dataset.open(dataset.cancelled!)}
        />
      )}
      {dataset.error && (
        <div
          role="alert"
          className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          {dataset.error}
        </div>
      )}
      <UrlProblemsNotice />
      {dataset.active && <SearchBar datasetVersion={dataset.active.version} />}
      {dataset.active && <Workspace datasetVersion={dataset.active.version} />}
    </div>
  );
}
