import { parquetMetadata } from 'hyparquet';

/** A byte span of a file, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Per row group, where each leaf's column chunk lies, by its dotted path. */
export type ChunkLayout = Map<string, Span>[];

/**
 * Gaps up to this size are read through: one more request costs more than this many bytes on a
 * loopback or a real link alike. A gap larger than this (in the Hub's files, a row group's text
 * chunk between the ids and the moderation leaves) splits a read in two.
 */
const READ_THROUGH_GAP = 128 * 1024;

/**
 * parquet-wasm merges the ranges of one read's chunks across gaps of about a megabyte; beyond a few
 * it fetches them apart by itself, and splitting the read gains nothing.
 */
const MERGED_BY_READER = 4 * 1024 * 1024;

/** Fetching ahead pays with small groups, whose pieces merge requests across group boundaries. */
const MIN_GROUPS_AHEAD = 4;

/** Prefetched pieces are cut at this size, so several are in flight and none is huge. */
const MAX_PIECE_BYTES = 16 * 1024 * 1024;

/**
 * Where every column chunk lies, from a footer (`tail`: the file's last bytes, whole footer
 * included). parquet-wasm does not expose the chunks' offsets, so hyparquet parses the footer. A
 * chunk starts at its dictionary page when it has one (some writers put 0 there for none).
 */
export function chunkLayout(tail: Uint8Array): ChunkLayout {
  return parquetMetadata(tail).row_groups.map((group) => {
    const chunks = new Map<string, Span>();
    for (const column of group.columns) {
      const meta = column.meta_data;
      if (!meta) continue;
      const data = Number(meta.data_page_offset);
      const dictionary = Number(meta.dictionary_page_offset ?? 0);
      const start = dictionary > 0 && dictionary < data ? dictionary : data;
      const end = start + Number(meta.total_compressed_size);
      chunks.set(meta.path_in_schema.join('.'), { start, end });
    }
    return chunks;
  });
}

/** What one build task reads: its leaves in runs (one parquet-wasm read each), and the bytes. */
export interface ReadPlan {
  /** Leaves split where every group has a large gap between them; each run is read on its own. */
  runs: string[][];
  /**
   * The byte spans those reads need in the task's row groups, merged and cut into pieces to fetch
   * ahead; none when that would not save requests (parquet-wasm then fetches each run itself).
   */
  pieces: Span[];
}

const topOf = (leaf: string) => leaf.split('.')[0]!;

/**
 * Splits `leaves` into runs read separately, so that parquet-wasm (which merges the ranges of one
 * read's chunks when they lie closer than about a megabyte) does not fetch the large chunks lying
 * between them, and lists the bytes the runs need in `groups` as a few large pieces to fetch ahead.
 * A run keeps each top-level column whole: its leaves are assembled into one Arrow column. Leaves
 * the layout does not know (or groups it lacks) give undefined: the caller reads the plain way.
 */
export function planReads(
  layout: ChunkLayout,
  groups: readonly number[],
  leaves: readonly string[],
): ReadPlan | undefined {
  const placed = groups.map((g) => {
    const chunks = layout[g];
    const spans = leaves.map((leaf) => chunks?.get(leaf));
    return spans.every((s) => s !== undefined) ? spans : undefined;
  });
  if (placed.length === 0 || placed.some((p) => p === undefined)) return undefined;
  const byGroup = placed as Span[][];
  // Leaves in file order (the same order in every group, or no split is made).
  const order = leaves
    .map((_, i) => i)
    .sort((a, b) => byGroup[0]![a]!.start - byGroup[0]![b]!.start);
  const sameOrder = byGroup.every((spans) =>
    order.every((leaf, k) => k === 0 || spans[order[k - 1]!]!.start < spans[leaf]!.start),
  );
  let runs: number[][] = [[order[0]!]];
  for (let k = 1; k < order.length; k++) {
    const [previous, leaf] = [order[k - 1]!, order[k]!];
    const gaps = byGroup.map((spans) => spans[leaf]!.start - spans[previous]!.end);
    const split =
      sameOrder &&
      topOf(leaves[previous]!) !== topOf(leaves[leaf]!) &&
      gaps.every((gap) => gap > READ_THROUGH_GAP) &&
      gaps.some((gap) => gap < MERGED_BY_READER);
    if (split) runs.push([leaf]);
    else runs[runs.length - 1]!.push(leaf);
  }
  // A top-level column in two runs (a writer that does not keep its leaves together): no split.
  const tops = runs.map((run) => new Set(run.map((i) => topOf(leaves[i]!))));
  const shared = tops.some((a, i) => tops.some((b, j) => i < j && [...a].some((t) => b.has(t))));
  if (shared) runs = [order];
  const pieces = piecesOf(byGroup);
  // Fetched ahead, pieces are held until the task ends: worth it only when they merge requests
  // (small groups whose runs touch), not for a few large runs parquet-wasm fetches as well itself.
  const merges =
    groups.length >= MIN_GROUPS_AHEAD && pieces.length * 3 <= runs.length * groups.length * 2;
  return { runs: runs.map((run) => run.map((i) => leaves[i]!)), pieces: merges ? pieces : [] };
}

/** The leaves' chunks in every group, merged across small gaps and cut to MAX_PIECE_BYTES. */
function piecesOf(byGroup: Span[][]): Span[] {
  const spans = byGroup.flat().sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start - last.end <= READ_THROUGH_GAP) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged.flatMap((span) => {
    const cut: Span[] = [];
    for (let start = span.start; start < span.end; start += MAX_PIECE_BYTES) {
      cut.push({ start, end: Math.min(span.end, start + MAX_PIECE_BYTES) });
    }
    return cut;
  });
}
