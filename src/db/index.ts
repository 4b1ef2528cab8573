/**
 * The front door of src/db/: what the rest of the app may use. Everything else in this folder is
 * the engine's own (tests may import src/db/testing/ directly).
 */
export { createEngine } from './engine/engine';
export { EngineContext, useEngine } from './engine/engine-context';
export {
  previewKey,
  type Engine,
  type GroupReadProgress,
  type OpenDataset,
  type OpenOptions,
  type RowLocator,
} from './engine/engine-types';
export { DatasetError, type DatasetProblem } from './engine/dataset-error';
export type { BuildProgress, TableOrigin } from './build/build-conversations';
export type { MessagesConversation, MessagesProgress } from './build/messages-load';
export type { MessageRecord, ShardRef } from './worker/parquet-protocol';
export type { SearchOptions, SearchProgress, SearchResult } from './search/search';
export type { SearchSnippet } from './search/search-scan';
export type {
  ExportProgress,
  ExportWrite,
  ShardExportFormat,
  ShardExportOptions,
} from './export/export-session';
export { ID_COLUMN, type StoredIdSet } from './console/console-id-sets';
export type { ConsoleColumn, ConsoleResult } from './console/sql-console';
export { fileSource, sampleSource, urlSource, type DataSource } from './net/data-source';
export {
  allowAndReload,
  forgetSource,
  installConnectPolicy,
  missingSources,
  rememberedSources,
  takePendingOpen,
} from './net/connect-policy';
export { currentHubAuth, setHubToken } from './net/hub-auth';
