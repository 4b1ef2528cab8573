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
 * giant. parquet-wasm reads one row of a row group by fetching and decompressing the group's
 * column chunks whole, so past this size a conversation takes seconds: such a group is read whole
 * once, kept decoded in the pool's pinned worker (src/db/worker/kept-group.ts), and every later
 * conversation or preview in it is a slice of it. Below it, a read of one row is quick enough and
 * keeps no memory.
 */
export const GIANT_GROUP_TEXT_BYTES = 32 * 1024 * 1024;

export const isGiantGroup = (info: ShardInfo, rowGroup: number): boolean =>
  (info.rowGroups[rowGroup]?.textBytes ?? 0) >= GIANT_GROUP_TEXT_BYTES;

/** The conversation and preview reads of an engine (Engine.readConversation, readPreviews). */
export function conversationReads(state: EngineState) {
  const { pool } = state;
  /** The giant group last asked of the pinned worker: it holds it, or is reading it. */
  let kept: { dataset: EngineDataset; shard: number; rowGroup: number } | undefined;
  const isKept = (dataset: EngineDataset | undefined, shard: number, rowGroup: number) =>
    kept?.dataset === dataset && kept?.shard === shard && kept?.rowGroup === rowGroup;

  return {
    async readConversation(
      shard: number,
      shardRow: number,
      options: { onProgress?: (progress: GroupReadProgress) => void } = {},
    ): Promise<MessageRecord[]> {
      const dataset = state.current;
      const { ref, info, rowGroup, rowInGroup } = locateRow(dataset, shard, shardRow);
      const keep = isGiantGroup(info, rowGroup);
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
          const keep = isGiantGroup(group.info, group.rowGroup);
          // A giant group's previews come out of the kept group, read whole here if it is not
          // the one kept: the list then warms it for the conversation opened next.
          if (keep && dataset) {
            kept = { dataset, shard: group.items[0]!.item.shard, rowGroup: group.rowGroup };
          }
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
