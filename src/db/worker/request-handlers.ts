import {
  closeParquetExport,
  exportJsonl,
  openParquetExport,
  writeParquetExport,
} from '../export/export-rows';
import { conversation, previews } from './handlers/conversation';
import { inspect } from './handlers/inspect';
import { messages } from './handlers/messages';
import { metadata } from './handlers/metadata';
import { pageIndex } from './handlers/page-index';
import { search } from './handlers/search';
import { sidecar } from './handlers/sidecar';
import type { WorkerRequest, WorkerResults } from './parquet-protocol';
import { openShard, ready } from './shard-files';

type Handlers = {
  [K in WorkerRequest['type']]: (
    request: Extract<WorkerRequest, { type: K }>,
  ) => Promise<WorkerResults[K]>;
};

/** One handler per capability of the parquet worker, by request type. */
const handlers: Handlers = {
  inspect: (request) => inspect(request.shard),
  metadata: (request) => metadata(request.task),
  conversation,
  previews,
  search: (request) => search(request.task),
  'page-index': (request) => pageIndex(request.shard),
  messages,
  sidecar,
  'export-jsonl': (request) => exportJsonl(openShard, request),
  'export-parquet-open': () => ready.then(openParquetExport),
  'export-parquet-write': (request) => writeParquetExport(openShard, request),
  'export-parquet-close': () => closeParquetExport(),
};

/** Answers one request with its capability's handler. */
export function handleRequest(request: WorkerRequest): Promise<WorkerResults[keyof WorkerResults]> {
  const handler = handlers[request.type] as (
    r: WorkerRequest,
  ) => Promise<WorkerResults[keyof WorkerResults]>;
  return handler(request);
}
