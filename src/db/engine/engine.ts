import { loadMessagesTable } from '../build/messages-load';
import { cachedBytes, forgetCachedTables } from '../cache/table-cache';
import { ConsoleIdSets } from '../console/console-id-sets';
import { SqlConsole } from '../console/sql-console';
import { ExportSession } from '../export/export-session';
import { SearchSession } from '../search/search-session';
import { ParquetPool } from '../worker/parquet-pool';
import type { Row } from '../../model/row';
import type { SqlQuery } from '../../sql/query';
import { lazyDuckDB } from './duckdb';
import { conversationReads } from './conversation-reads';
import type { Engine, EngineDataset } from './engine-types';
import { ScoreCubes } from './facet-cube-tables';
import { openShards, type EngineState } from './open-shards';
import { QuietQueries } from './quiet-queries';
import { SharedIds } from './shared-ids';
import { StatementQueue } from './statement-queue';

/**
 * The engine of the page: DuckDB-WASM for every statement, parquet-wasm workers for every read of
 * the shards. Everything about the open dataset (the tables derived from it, the prepared search
 * and export workers) lives in the object made here, so two engines never share anything but the
 * page's Hub token, connect policy and OPFS cache.
 */
export function createEngine(): Engine {
  const { duckdb, close: closeDuckDB } = lazyDuckDB();
  const state: EngineState = {
    pool: new ParquetPool(),
    duckdb,
    derived: { sharedIds: new SharedIds(), scoreCubes: new ScoreCubes() },
    quiet: new QuietQueries(),
    current: undefined,
    cacheWrite: Promise.resolve(false),
  };
  const { pool, quiet, derived } = state;
  /** The app's statements, one at a time, the urgent first (statement-queue.ts). */
  const statements = new StatementQueue();
  const current = (): EngineDataset | undefined => state.current;

  const query = async <T extends Row = Row>(
    query: SqlQuery,
    options: { urgent?: boolean } = {},
  ): Promise<T[]> => {
    const { conn } = await duckdb();
    return quiet.track(() =>
      statements.run(async () => {
        const statement = await conn.prepare(query.sql);
        try {
          const table = await statement.query(...query.params);
          return table.toArray().map((row) => row.toJSON() as T);
        } finally {
          await statement.close();
        }
      }, options.urgent),
    );
  };

  const search = new SearchSession(pool, duckdb, current);
  const exports = new ExportSession(current, query);
  const sqlConsole = new SqlConsole(duckdb);
  const idSets = new ConsoleIdSets(duckdb, sqlConsole, query);

  return {
    start: duckdb,
    open: (shards, options) => openShards(state, shards, options),
    dataset: current,
    query,

    ...conversationReads(state),

    prepareSearch: () => search.prepare(),
    search: (spec, options) => search.run(spec, options),
    prepareExport: () => exports.prepare(),
    exportSelection: (options) => exports.run(options),

    loadMessages: (conversations, options = {}) =>
      loadMessagesTable(state, state.current, conversations, options),

    async prepareScoreCube(category) {
      await derived.scoreCubes.ensure((await duckdb()).conn, category);
    },
    sharedIdsReady: () => derived.sharedIds.ready(),

    consoleQuery: (sql, options) => sqlConsole.run(sql, options),
    storeIdSet: (sql, signal) => idSets.store(sql, signal),
    dropIdSet: (id) => idSets.drop(id),

    async cachedBytes() {
      await state.cacheWrite;
      return cachedBytes();
    },
    async forgetCache() {
      quiet.now();
      await state.cacheWrite;
      await forgetCachedTables();
    },

    async close() {
      const reason = new DOMException('The engine was closed', 'AbortError');
      pool.reset(reason);
      search.close(reason);
      exports.close(reason);
      state.current = undefined;
      await closeDuckDB();
    },
  };
}
