import { useCallback, useMemo, useState } from 'react';
import type { DataSource } from '../db';
import {
  dataSourceFromUrl,
  DatasetOrigin,
  DatasetStatus,
  ForgetCacheButton,
  LoadingProgress,
  CancelledNotice,
  restoreHubToken,
  OpenData,
  OpenError,
  useSourceLink,
  useDataset,
  usePendingOpen,
} from '../features/dataset';
import { ExportButton } from '../features/export';
import { SearchBar } from '../features/search';
import { UrlProblemsNotice } from '../features/filters';
import { HelpDialog, WelcomeBanner } from '../features/guide';
import { ShortcutsDialog, useGlobalShortcuts } from '../features/shortcuts';
import { ThemeSelect } from '../features/theme';
import { ViewSwitch } from './view-switch';
import { Workspace } from './workspace';

export function App() {
  const source = useMemo(() => {
    // A token remembered for this tab must be in place before a `?data=` link opens gated files.
    restoreHubToken();
    return dataSourceFromUrl(window.location.href);
  }, []);
  const dataset = useDataset(source);
  const [dialog, setDialog] = useState<'help' | 'shortcuts' | null>(null);
  const closeDialog = () => setDialog(null);
  useGlobalShortcuts({ onShowShortcuts: () => setDialog('shortcuts') });
  // The last source asked for: what Retry opens again, and what the URL follows once it is open.
  const [requested, setRequested] = useState<DataSource>(source);
  const openDataset = dataset.open;
  const open = useCallback(
    (next: DataSource) => {
      setRequested(next);
      openDataset(next);
    },
    [openDataset],
  );
  useSourceLink(requested, dataset.active?.sourceId);
  usePendingOpen(
    dataset.active !== null || dataset.error !== null || dataset.cancelled !== null,
    open,
  );
  return (
    <div className="mx-auto flex min-h-screen max-w-[120rem] flex-col gap-3 p-4">
      <header className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-xl font-semibold">Convoscope</h1>
        <OpenData
          onOpen={open}
          localFilesOpen={dataset.active?.sourceId.startsWith('files:') ?? false}
        />
        {dataset.active && (
          <>
            <span className="text-sm text-slate-500">{dataset.active.label}</span>
            <DatasetStatus datasetId={dataset.active.datasetId} />
            <ExportButton
              datasetId={dataset.active.datasetId}
              datasetLabel={dataset.active.label}
            />
            <DatasetOrigin origin={dataset.active.origin} note={dataset.active.note} />
            <ForgetCacheButton datasetId={dataset.active.datasetId} />
          </>
        )}
        <div className="ml-auto flex items-center gap-3 self-center">
          {dataset.active && <ViewSwitch />}
          <ThemeSelect />
          <button
            type="button"
            onClick={() => setDialog('help')}
            className="rounded border border-slate-300 bg-white px-3 py-0.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600"
          >
            Help
          </button>
        </div>
      </header>
      <WelcomeBanner onOpenHelp={() => setDialog('help')} />
      <HelpDialog open={dialog === 'help'} onClose={closeDialog} />
      <ShortcutsDialog open={dialog === 'shortcuts'} onClose={closeDialog} />
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
      {dataset.active && <SearchBar datasetId={dataset.active.datasetId} />}
      {dataset.active && <Workspace datasetId={dataset.active.datasetId} />}
    </div>
  );
}
