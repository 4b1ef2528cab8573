/// <reference lib="webworker" />
import { networkFaults, setHubAuth } from './worker-fetch';
import { handleRequest } from './request-handlers';
import { errorText } from './shard-files';
import { DatasetError } from '../engine/dataset-error';
import type { HubAuth } from '../net/hub-auth';
import type { WorkerRequest, WorkerResponse } from './parquet-protocol';

/**
 * All parquet I/O happens here, off the main thread. This module answers the page's requests and
 * their failures; each request type has its handler (request-handlers.ts).
 */

/** A network fault or an unreadable local file, named for the user, instead of the reader's panic. */
function problemOf(request: WorkerRequest, error: unknown) {
  if (error instanceof DatasetError) return error.problem;
  const shard =
    request.type === 'metadata' || request.type === 'search'
      ? request.task.shard
      : 'shard' in request
        ? request.shard
        : undefined;
  if (!shard) return undefined;
  const fault = shard.url && networkFaults.get(shard.url);
  if (fault) return { file: shard.name, message: `could not be read: ${fault}` };
  if (shard.file && error instanceof DOMException && error.name === 'NotReadableError') {
    return {
      file: shard.name,
      message: 'could not be read from disk: it was moved or changed after it was opened',
    };
  }
  return undefined;
}

/** Requests being answered: a panic inside parquet-wasm is uncaught, and must still answer them. */
const inFlight = new Map<number, WorkerRequest>();

function fail(id: number, request: WorkerRequest, error: unknown) {
  inFlight.delete(id);
  self.postMessage({
    id,
    ok: false,
    problem: problemOf(request, error),
    message: errorText(error),
  } satisfies WorkerResponse);
}

// A Rust panic (a network read that failed mid-body, a corrupt page) surfaces here, not in the
// request's promise: answer every open request, naming the network fault if one was seen. The
// message keeps "RuntimeError", so the pool replaces this worker, whose wasm is now unusable.
self.addEventListener('error', (event) => {
  event.preventDefault();
  const error = new Error(event.message || 'the parquet reader failed');
  for (const [id, request] of inFlight) fail(id, request, error);
});

self.onmessage = async (
  event: MessageEvent<{ id: number; request: WorkerRequest } | { hubAuth: HubAuth | null }>,
) => {
  if ('hubAuth' in event.data) {
    setHubAuth(event.data.hubAuth);
    return;
  }
  const { id, request } = event.data;
  inFlight.set(id, request);
  try {
    const result = await handleRequest(request);
    if (!inFlight.delete(id)) return;
    const transfer =
      'ipc' in result
        ? [result.ipc.buffer as ArrayBuffer]
        : 'bytes' in result
          ? [result.bytes.buffer as ArrayBuffer]
          : [];
    self.postMessage({ id, ok: true, result } satisfies WorkerResponse, { transfer });
  } catch (error) {
    if (inFlight.has(id)) fail(id, request, error);
  }
};
