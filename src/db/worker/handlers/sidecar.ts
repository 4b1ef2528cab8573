import type { WorkerRequest, WorkerResults } from '../parquet-protocol';
import { readWasmTable } from '../shard-files';

type SidecarRequest = Extract<WorkerRequest, { type: 'sidecar' }>;

/** Every column of one sidecar row group, already in the shape of `conversations`: handed to DuckDB as parquet-wasm decoded it. */
export async function sidecar(request: SidecarRequest): Promise<WorkerResults['sidecar']> {
  return {
    ipc: (await readWasmTable(request.shard, request.rowGroup, undefined)).intoIPCStream(),
  };
}
