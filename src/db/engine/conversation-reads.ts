import type { MessageRecord, ShardInfo } from '../worker/parquet-protocol';
import { groupByRowGroup, locateRow } from '../worker/row-groups';
import {
  previewKey,
  type EngineDataset,
  type GroupReadProgress,
  type RowLocator,
} from './engine-types';
import type { EngineState } from './open-shards';

/**
 * Compressed bytes of text (the `content` and `role` leaves) from which a row group counts as
 * giant. In a file without an offset index, parquet-wasm reads one row of a row group by fetching
 * and decompressing the group's column chunks whole, so past this size a conversation takes
 * seconds: such a group is read whole once, kept decoded in the pool's pinned worker
 * (src/db/worker/kept-group.ts), and every later conversation or preview in it is a slice of it.
 * Below it, a read of one row is quick enough and keeps no memory.
 */
export const GIANT_GROUP_TEXT_BYTES = 32 * 1024 * 1024;

/**
 * Test-only: an e2e test may lower the size from an init script
 * (`window.__convoscopeTestGiantGroupBytes`), so its small shards take the kept-group path. It
 * changes only which path reads the same rows.
 */
function giantGroupBytes(): number {
  const declared = (globalThis as { __convoscopeTestGiantGroupBytes?: unknown })
    .__convoscopeTestGiantGroupBytes;
  return typeof declared === 'number' && declared > 0 ? declared : GIANT_GROUP_TEXT_BYTES;
}

const isGiantGroup = (info: ShardInfo, rowGroup: number): boolean =>
  (info.rowGroups[rowGroup]?.textBytes ?? 0) >= giantGroupBytes();

/** The conversation and preview reads of an engine (Engine.readConversation, readPreviews). */
export function conversationReads(state: EngineState) {
  const { pool } = state;
  /** The kept group a conversation was last read from: the pinned worker holds it or reads it. */
  let kept: { dataset: EngineDataset; shard: number; rowGroup: number } | undefined;
  const isKept = (dataset: EngineDataset | undefined, shard: number, rowGroup: number) =>
    kept?.dataset === dataset && kept?.shard === shard && kept?.rowGroup === rowGroup;
  /** Per dataset and shard: whether its footer has an offset index, asked once. */
  const indexed = new WeakMap<EngineDataset, Map<number, Promise<boolean>>>();
  /**
   * Whether a row group is read whole and kept: a giant one in a file without an offset index.
   * With one, parquet-wasm reads only the pages holding the row, which is cheaper than keeping.
   */
  const keeps = async (
    dataset: EngineDataset | undefined,
    shard: number,
    info: ShardInfo,
    rowGroup: number,
  ): Promise<boolean> => {
    const ref = dataset?.shards[shard];
    if (!dataset || !ref || !isGiantGroup(info, rowGroup)) return false;
    let shards = indexed.get(dataset);
    if (!shards) indexed.set(dataset, (shards = new Map()));
    let known = shards.get(shard);
    if (!known) {
      known = pool.run({ type: 'page-index', shard: ref }).then(
        (answer) => answer.offsetIndex,
        () => false, // unknown: keeping costs memory, never correctness
      );
      shards.set(shard, known);
    }
    return !(await known);
  };

  return {
    async readConversation(
      shard: number,
      shardRow: number,
      options: { onProgress?: (progress: GroupReadProgress) => void } = {},
    ): Promise<MessageRecord[]> {
      const dataset = state.current;
      const { ref, info, rowGroup, rowInGroup } = locateRow(dataset, shard, shardRow);
      const keep = await keeps(dataset, shard, info, rowGroup);
      if (keep && !isKept(dataset, shard, rowGroup)) {
        options.onProgress?.({
          file: ref.name,
          rowGroup,
          rowGroups: info.rowGroups.length,
          bytes: info.rowGroups[rowGroup]?.textBytes ?? 0,
        });
      }
      const asked = keep && dataset ? { dataset, shard, rowGroup } : undefined;
      if (asked) kept = asked;
      try {
        const { messages } = await pool.run(
          {
            type: 'conversation',
            shard: ref,
            rowGroup,
            rowInGroup,
            leaves: info.columns.conversationLeaves,
            keep,
          },
          { pinned: keep },
        );
        return messages;
      } catch (error) {
        // The worker forgets a failed group (group-cache.ts): a retry reads it whole again.
        if (asked && kept === asked) kept = undefined;
        throw error;
      }
    },

    async readPreviews(rows: readonly RowLocator[]): Promise<Map<string, string | null>> {
      const dataset = state.current;
      const result = new Map<string, string | null>();
      await Promise.all(
        groupByRowGroup(dataset, rows).map(async (group) => {
          const shard = group.items[0]!.item.shard;
          // A kept group's previews come out of it, read whole here if it is not the one kept:
          // the list then warms it for the conversation opened next. They leave `kept` alone, so
          // that conversation still says it reads the group (for as long as the group takes).
          const keep = await keeps(dataset, shard, group.info, group.rowGroup);
          const leaves = group.info.columns.conversationLeaves;
          const { previews } = await pool.run(
            {
              type: 'previews',
              shard: group.ref,
              rowGroup: group.rowGroup,
              rowsInGroup: group.items.map((i) => i.rowInGroup),
              // `conversationLeaves` starts with the `content` and `role` leaves (shard-schema.ts).
              leaves: keep ? leaves : leaves.slice(0, 2),
              keep,
            },
            { pinned: keep },
          );
          group.items.forEach(({ item }, i) => result.set(previewKey(item), previews[i] ?? null));
        }),
      );
      return result;
    },
  };
}
