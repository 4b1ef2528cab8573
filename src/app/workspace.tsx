import { ChartsPanel } from '../features/charts';
import { ConversationList } from '../features/conversations';
import { FilterChips, FilterPanel } from '../features/filters';
import { PendingIdQuery, SqlConsolePanel } from '../features/sql-console';
import { ConversationViewer } from '../features/viewer';
import { useView } from './use-view';

/**
 * The open dataset: the filters beside the list with the conversation viewer, the charts, or the
 * SQL console. The filters stay the same across views, so switching keeps the selection.
 */
export function Workspace({ datasetId }: { datasetId: number }) {
  const view = useView();
  return (
    <main className="flex flex-col gap-4 lg:flex-row">
      <FilterPanel datasetId={datasetId} />
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <FilterChips
          pendingIdQuery={(filters, setFilters) => (
            <PendingIdQuery filters={filters} setFilters={setFilters} />
          )}
        />
        {view === 'list' && <ConversationList datasetId={datasetId} />}
        {view === 'charts' && <ChartsPanel datasetId={datasetId} />}
        {view === 'sql' && <SqlConsolePanel datasetId={datasetId} />}
      </div>
      {view === 'list' && (
        <div className="min-w-0 empty:hidden lg:w-[40%] lg:shrink-0">
          <ConversationViewer datasetId={datasetId} />
        </div>
      )}
    </main>
  );
}
