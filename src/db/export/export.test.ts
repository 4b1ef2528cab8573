import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../model/filters';
import type { SqlQuery } from '../../sql/query';
import { exportShardRows, type ExportProgress } from './export';
import type { ParquetPool } from '../worker/parquet-pool';
import type { ShardInfo, WorkerRequest } from '../worker/parquet-protocol';

/** Two shards of two row groups of 10 rows each. */
const info = { rows: 20, rowGroups: [{ rows: 10 }, { rows: 10 }] } as unknown as ShardInfo;
const dataset = {
  shards: [{ name: 'a.parquet' }, { name: 'b.parquet' }],
  infos: [info, info],
};
const selected: Record<number, number[]> = { 0: [1, 2, 15], 1: [0, 19] };

async function query(q: SqlQuery): Promise<never[]> {
  if (q.sql.includes('GROUP BY shard'))
    return Object.entries(selected).map(([shard, rows]) => ({
      shard: Number(shard),
      n: rows.length,
    })) as never[];
  const shard = q.params[0] as number;
  return selected[shard]!.map((shard_row) => ({ shard_row })) as never[];
}

/** A pool whose answers arrive in reverse order of the requests, to show order is kept. */
function fakePool(log: WorkerRequest[]) {
  let delay = 50;
  return {
    run: (request: WorkerRequest) => {
      log.push(request);
      const text =
        'rowsInGroup' in request
          ? `${request.shard.name}:${request.rowGroup}:${request.rowsInGroup.join(',')};`
          : `${request.type};`;
      const rows = 'rowsInGroup' in request ? request.rowsInGroup.length : 0;
      delay = Math.max(0, delay - 10);
      return new Promise((resolve) =>
        setTimeout(() => resolve({ bytes: new TextEncoder().encode(text), rows }), delay),
      );
    },
  } as unknown as ParquetPool;
}

async function run(format: 'jsonl' | 'parquet') {
  const log: WorkerRequest[] = [];
  const chunks: string[] = [];
  const progress: ExportProgress[] = [];
  const pool = fakePool(log);
  const done = await exportShardRows(dataset, { readers: pool, writer: pool }, query, {
    format,
    filters: EMPTY_FILTERS,
    write: async (chunk) => void chunks.push(new TextDecoder().decode(chunk)),
    onProgress: (p) => progress.push(p),
  });
  return { log, chunks, progress, done };
}

describe('exportShardRows', () => {
  it('writes JSONL row groups in dataset order, however the reads finish', async () => {
    const { chunks, progress, done } = await run('jsonl');
    expect(chunks).toEqual([
      'a.parquet:0:1,2;',
      'a.parquet:1:5;',
      'b.parquet:0:0;',
      'b.parquet:1:9;',
    ]);
    expect(done).toEqual({
      conversationsDone: 5,
      conversationsTotal: 5,
      bytesWritten: chunks.join('').length,
    });
    expect(progress.map((p) => p.conversationsDone)).toEqual([0, 2, 3, 4, 5]);
  });

  it('opens the parquet writer, writes each row group in order, and closes it', async () => {
    const { log, chunks } = await run('parquet');
    expect(log.map((r) => r.type)).toEqual([
      'export-parquet-open',
      ...Array(4).fill('export-parquet-write'),
      'export-parquet-close',
    ]);
    expect(chunks.join('')).toBe(
      'a.parquet:0:1,2;a.parquet:1:5;b.parquet:0:0;b.parquet:1:9;export-parquet-close;',
    );
  });
});
