import type { ShardInfo } from '../worker/parquet-protocol';

/**
 * The sidecar the `index` command writes beside the shards (scripts/index.ts): the `conversations`
 * table as parquet, and a manifest naming the shards it was made from. Bump `SIDECAR_FORMAT` when
 * the table's columns or the manifest's shape change; older sidecars are then ignored.
 */
// 2: moderation entries beyond the conversation no longer count (conversation-metadata.ts).
export const SIDECAR_FORMAT = 2;
export const SIDECAR_MANIFEST = 'convoscope-manifest.json';
export const SIDECAR_TABLE = 'conversations.convoscope.parquet';

export interface SidecarManifest {
  format: number;
  /** The table: its file (relative to the manifest), size, rows and rows per row group. */
  table: { file: string; bytes: number; rows: number; rowGroups: number[] };
  /** The shards in `shard` order, with what the viewer needs to read them. */
  shards: { name: string; bytes: number; info: ShardInfo }[];
  /** SHA-256 over the shards' names, sizes and row counts: the dataset's identity. */
  id: string;
  createdAt: string;
  /** The text index (src/db/text-index/format.ts), when `index` wrote one. */
  textIndex?: TextIndexEntry;
}

/** The text index's files beside the manifest, and what it holds. */
export interface TextIndexEntry {
  format: number;
  /** Conversations indexed: the table's rows. */
  rows: number;
  terms: number;
  files: Record<'dir' | 'vocab' | 'postings' | 'words', { file: string; bytes: number }>;
}

/** The manifest, or why it cannot be used. Anything a host returns is untrusted input. */
export function parseSidecarManifest(json: unknown): SidecarManifest | { problem: string } {
  if (typeof json !== 'object' || json === null) return { problem: 'is not a JSON object' };
  const m = json as Partial<SidecarManifest>;
  if (m.format !== SIDECAR_FORMAT)
    return { problem: `has format ${String(m.format)}, this app reads ${SIDECAR_FORMAT}` };
  const table = m.table;
  const groupsOk =
    Array.isArray(table?.rowGroups) && table.rowGroups.every((r) => Number.isSafeInteger(r));
  if (!table || typeof table.file !== 'string' || !groupsOk || !Number.isSafeInteger(table.rows))
    return { problem: 'has no valid table entry' };
  // The file must sit beside the manifest: never a path or URL elsewhere.
  if (!/^[\w.-]+\.parquet$/.test(table.file)) return { problem: 'names an invalid table file' };
  if (table.rowGroups.reduce((s, r) => s + r, 0) !== table.rows)
    return { problem: 'has row groups that do not add up to its rows' };
  const shardsOk =
    Array.isArray(m.shards) &&
    m.shards.length > 0 &&
    m.shards.every(
      (s) =>
        typeof s?.name === 'string' &&
        Number.isSafeInteger(s.bytes) &&
        Number.isSafeInteger(s.info?.rows) &&
        Array.isArray(s.info?.rowGroups) &&
        Array.isArray(s.info?.columns?.metadataLeaves) &&
        Array.isArray(s.info?.columns?.conversationLeaves),
    );
  if (!shardsOk) return { problem: 'has no valid shard list' };
  if (m.shards!.reduce((s, x) => s + x.info.rows, 0) !== table.rows)
    return { problem: 'counts other rows in its shards than in its table' };
  return m as SidecarManifest;
}

/**
 * Whether the manifest describes exactly these shards (same names in the same order, same sizes):
 * null when it does, else the reason to ignore it, shown to the user as a note.
 */
export function sidecarMismatch(
  manifest: SidecarManifest,
  shards: readonly { name: string; size: number }[],
): string | null {
  if (manifest.shards.length !== shards.length)
    return `it lists ${manifest.shards.length} shards, ${shards.length} were opened`;
  for (const [i, shard] of shards.entries()) {
    const listed = manifest.shards[i]!;
    if (listed.name !== shard.name) return `it lists ${listed.name} where ${shard.name} was opened`;
    if (listed.bytes !== shard.size)
      return `${shard.name} has changed since it was indexed (${shard.size} bytes, indexed ${listed.bytes})`;
  }
  return null;
}

/** The URL of the manifest beside a shard URL. */
export function manifestUrlBeside(shardUrl: string): string {
  return new URL(SIDECAR_MANIFEST, shardUrl).href;
}
