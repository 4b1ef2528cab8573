/**
 * How the generated files are cut and compressed. `hub` looks like the real LMSYS-Chat-1M files
 * (SNAPPY, row groups of about 1,000 rows as the Hugging Face `datasets` writer makes them, 6 files
 * of about 250 MB at 1M rows); `compact` is the generator's older ZSTD layout; `giant` puts each
 * file in a single row group, as some other Hub chat datasets do.
 */
export const CODECS = ['snappy', 'zstd'] as const;
export type Codec = (typeof CODECS)[number];

export const LAYOUT_NAMES = ['hub', 'compact', 'giant'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

export interface LayoutSpec {
  compression: Codec;
  /** Rows per row group; `null`: one row group per file. */
  rowGroupSize: number | null;
  shards: number;
}

export const LAYOUTS: Record<LayoutName, LayoutSpec> = {
  hub: { compression: 'snappy', rowGroupSize: 1_000, shards: 6 },
  compact: { compression: 'zstd', rowGroupSize: 10_240, shards: 6 },
  giant: { compression: 'snappy', rowGroupSize: null, shards: 6 },
};

export function isLayoutName(value: string): value is LayoutName {
  return (LAYOUT_NAMES as readonly string[]).includes(value);
}

export function isCodec(value: string): value is Codec {
  return (CODECS as readonly string[]).includes(value);
}

/** Rows per row group of `layout` for `rows` rows in `shards` files (giant: the largest file). */
export function layoutRowGroupSize(layout: LayoutName, rows: number, shards: number): number {
  return LAYOUTS[layout].rowGroupSize ?? Math.max(1, Math.ceil(rows / shards));
}
