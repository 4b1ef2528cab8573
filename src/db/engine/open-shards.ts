import {
  buildConversations,
  swapInStaging,
  type BuiltDataset,
  type TableOrigin,
} from '../build/build-conversations';
import { loadSidecar } from '../build/sidecar-load';
import { loadCachedTable, storeTable } from '../cache/table-cache';
import { cacheKey, shardIdentities, type ShardIdentity } from '../cache/table-cache-key';
import { currentHubAuth, withHubAuth } from '../net/hub-auth';
import { probeCachedShards } from '../net/probe-url';
import type { ParquetPool } from '../worker/parquet-pool';
import type { ShardInfo, ShardRef } from '../worker/parquet-protocol';
import { buildClearIdSets, buildCreateIdSetsTable } from '../../sql/id-sets';
import { buildClearSearchHits, buildCreateSearchHitsTable } from '../../sql/search-hits';
import { completeOpen } from './complete-open';
import type { DuckDB } from './duckdb';
import type { EngineDataset, OpenOptions } from './engine-types';
import type { DerivedTables } from './facet-cube-tables';
import type { QuietQueries } from './quiet-queries';

/** What an engine keeps between opens (src/db/engine/engine.ts). */
export interface EngineState {
  readonly pool: ParquetPool;
  readonly duckdb: DuckDB;
  readonly derived: DerivedTables;
  /** The app's statements (`query`), which a cache write waits to see answered. */
  readonly quiet: QuietQueries;
  current: EngineDataset | undefined;
  /** The last cache write, so the size shown (and a later open) can wait for it. */
  cacheWrite: Promise<boolean>;
}

/**
 * Dataset ids are unique in the page, not per engine: caches keyed by the id (the features' cube
 * reads, list previews) then never confuse two engines' datasets.
 */
let nextDatasetId = 1;

/** Opens `shards` as the engine's dataset (Engine.open). */
export async function openShards(
  state: EngineState,
  shards: ShardRef[],
  options: OpenOptions = {},
): Promise<EngineDataset> {
  const startMark = performance.mark('convoscope:build:start');
  const { signal } = options;
  const { pool, quiet } = state;
  // The previous dataset's cache write, if still waiting, starts before anything is swapped.
  quiet.now();
  const duckdb = state.duckdb();
  // The Hub's gated files answer the identity HEAD only with the token.
  const ids = await shardIdentities(shards, withHubAuth(fetch, currentHubAuth), signal);
  const key = ids && (await cacheKey(ids));
  const found = ids && key ? await fromCacheOrSidecar(state, shards, ids, key, signal) : {};
  const built: BuiltDataset = isBuilt(found)
    ? found
    : { ...(await buildConversations(state, shards, options)), note: found.note };
  const opened: EngineDataset = Object.assign(built, {
    id: nextDatasetId++,
    ...(ids && { identities: ids }),
  });
  state.current = opened;
  // Fresh workers from here: the build's (or sidecar's) reads left memory in each (recycleIdle).
  pool.recycleIdle();
  // Earlier searches' rows and console id sets name conversations of the previous dataset.
  const { db, conn } = await duckdb;
  await conn.query(buildCreateSearchHitsTable());
  await conn.query(buildClearSearchHits());
  await conn.query(buildCreateIdSetsTable());
  await conn.query(buildClearIdSets());
  // The bench reads this measure (scripts/bench): keep its name and detail stable.
  performance.measure('convoscope:build', {
    start: startMark.startTime,
    end: performance.now(),
    detail: { rows: built.rows, shards: shards.length, bytes: built.bytes, origin: built.origin },
  });
  // Once the first screen's queries are answered (each would hold them up on DuckDB's one worker):
  // the rest of the open (`completeOpen`), then the cache write.
  const afterFirstScreen = quiet
    .whenQuiet()
    .then(() => completeOpen(conn, state.derived.sharedIds));
  const { infos, rows, bytes: builtFromBytes } = built;
  state.cacheWrite =
    ids && key && built.origin !== 'cache'
      ? afterFirstScreen.then(() =>
          storeTable(db, key, { shards: ids, infos, rows, builtFromBytes }),
        )
      : Promise.resolve(false);
  return opened;
}

/** The table from the cache or a sidecar (swapped in), or a note on why neither was used. */
async function fromCacheOrSidecar(
  state: EngineState,
  shards: ShardRef[],
  ids: ShardIdentity[],
  key: string,
  signal?: AbortSignal,
): Promise<BuiltDataset | { note?: string }> {
  const started = performance.now();
  const { pool } = state;
  // Not awaited here: the cache and the sidecar are looked up (and their first bytes read) while
  // DuckDB may still be compiling.
  const conn = state.duckdb().then((d) => d.conn);
  conn.catch(() => undefined); // a failed start is reported by whichever path awaits it
  const done = async (
    origin: TableOrigin,
    m: { infos: ShardInfo[]; rows: number; bytes: number },
  ) => {
    await swapInStaging(await conn, state.derived);
    const { infos, rows, bytes } = m; // the cache's meta has shard identities, not refs
    return { shards, infos, rows, bytes, origin, milliseconds: performance.now() - started };
  };
  // A newer write for the same key may still be going: wait, so its entry is complete.
  await state.cacheWrite;
  // A cache hit still asks each URL shard's host for 8 bytes, so a host that lost Range support
  // is named now, as on a first open, rather than when a conversation is read.
  const cached = await loadCachedTable(conn, key, ids, signal, () =>
    probeCachedShards(
      shards,
      ids.map((id) => id.size),
      withHubAuth(fetch, currentHubAuth),
    ),
  );
  if (cached) return done('cache', cached);
  const abort = () => pool.reset(signal?.reason);
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const sidecar = await loadSidecar(pool, conn, shards, ids, signal);
    return sidecar.found ? done('sidecar', sidecar) : { note: sidecar.note };
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

const isBuilt = (x: BuiltDataset | { note?: string }): x is BuiltDataset => 'origin' in x;
