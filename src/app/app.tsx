import { useMemo } from 'react';
import { dataSourceFromUrl } from '../features/dataset/data-source-from-url';
import { DatasetStatus } from '../features/dataset/dataset-status';
import { LoadingProgress } from '../features/dataset/loading-progress';
import { CancelledNotice } from '../features/dataset/cancelled-notice';
import { useDataset } from '../features/dataset/use-dataset';
import { ConversationList } from '../features/conversations/conversation-list';
import { FilterPanel } from '../features/filters/filter-panel';
import { ConversationViewer } from '../features/viewer/conversation-viewer';
import { UrlProblemsNotice } from '../features/filters/url-problems-notice';
import { ChartsPanel } from '../features/charts/charts-panel';

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
      {dataset.active && (
        <main className="flex flex-col gap-4 lg:flex-row">
          <FilterPanel datasetVersion={dataset.active.version} />
          <div className="min-w-0 flex-1">
            <ConversationList datasetVersion={dataset.active.version} />
          </div>
          <div className="min-w-0 empty:hidden lg:w-[40%] lg:shrink-0">
            <ConversationViewer datasetVersion={dataset.active.version} />
          </div>
        </main>
      )}
      {dataset.active && new URLSearchParams(window.location.search).get('view') === 'charts' && (
        <ChartsPanel datasetVersion={dataset.active.version} />
      )}
    </div>
  );
}
