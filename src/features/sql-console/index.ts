export { findIdSet, idFilterStoreOf } from './id-filter-store';
export { PendingIdQuery } from './pending-id-query';
export { SqlConsolePanel } from './sql-console-panel';
