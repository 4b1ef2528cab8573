import type { Span } from '../net/sparse-ranges';

/** The parts of a parquet-wasm file's footer read here (its browser and Node builds alike). */
export interface FooterLayout {
  metadata(): {
    rowGroups(): { columns(): { columnPath(): string[]; compressedSize(): number }[] }[];
  };
}

/** Each row group's column chunks by leaf path. */
type Layout = Map<string, Span>[];

/** The first column chunk starts after the file's 4-byte magic. */
const FIRST_CHUNK = 4;
const layouts = new WeakMap<FooterLayout, Layout>();

/**
 * Where the footer's sizes put each column chunk: end to end from byte 4, row group after row group,
 * as parquet writers lay them out. A writer that pads (old Hadoop writers align row groups to blocks)
 * breaks that; `planSparseRead` then sees requests that do not line up with these spans and trims
 * nothing, so a wrong layout costs bytes, never data.
 */
function layoutOf(file: FooterLayout): Layout {
  let layout = layouts.get(file);
  if (!layout) {
    let offset = FIRST_CHUNK;
    layout = file
      .metadata()
      .rowGroups()
      .map((group) => {
        const chunks = new Map<string, Span>();
        for (const column of group.columns()) {
          const end = offset + column.compressedSize();
          chunks.set(column.columnPath().join('.'), { start: offset, end });
          offset = end;
        }
        return chunks;
      });
    layouts.set(file, layout);
  }
  return layout;
}

/** The byte spans of the named leaves' chunks in one row group (leaves it lacks are skipped). */
export function chunkSpans(
  file: FooterLayout,
  rowGroup: number,
  leaves: readonly string[],
): Span[] {
  const chunks = layoutOf(file)[rowGroup];
  if (!chunks) return [];
  return leaves.flatMap((leaf) => chunks.get(leaf) ?? []);
}

/** Per URL, the chunk spans of the reads in flight in this worker. */
const reading = new Map<string, Span[][]>();

const urlKey = (url: string) => {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
};

/** The spans the reads in flight from `url` need; undefined when none is registered. */
export function wantedSpans(url: string): Span[] | undefined {
  return reading.get(urlKey(url))?.flat();
}

/** Runs `read` with `spans` registered as what it needs from `url`, for the worker's fetch. */
export async function whileReading<T>(
  url: string,
  spans: Span[],
  read: () => Promise<T>,
): Promise<T> {
  const key = urlKey(url);
  const list = reading.get(key) ?? [];
  list.push(spans);
  reading.set(key, list);
  try {
    return await read();
  } finally {
    list.splice(list.indexOf(spans), 1);
    if (list.length === 0) reading.delete(key);
  }
}
