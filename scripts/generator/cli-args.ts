import { parseArgs } from 'node:util';
import { GENERATED_SHAPES, type GeneratedShape } from './generate-dataset';
import {
  CODECS,
  isCodec,
  isLayoutName,
  LAYOUT_NAMES,
  LAYOUTS,
  layoutRowGroupSize,
  type Codec,
  type LayoutName,
} from './layouts';

export const USAGE = `Usage: npm run generate -- --rows N --seed S --out DIR [--layout L] [--shards K]
         [--row-group-size R] [--compression C] [--shape S]

  --rows N             number of conversations (positive integer)
  --seed S             non-negative integer; same seed and arguments give identical files
  --out DIR            output directory (created if missing; shards and manifest.json are replaced)
  --layout L           hub (default: SNAPPY, row groups of 1,000, like the real files),
                       compact (ZSTD, row groups of 10,240) or giant (one row group per file)
  --shards K           number of parquet files, 1..N (default 6, or N when smaller)
  --row-group-size R   rows per parquet row group (overrides the layout's)
  --compression C      snappy or zstd (overrides the layout's)
  --shape S            column layout: lmsys (LMSYS-Chat-1M, default) or wildchat (WildChat-1M)`;

export interface CliArgs {
  rows: number;
  shards: number;
  seed: number;
  outDir: string;
  rowGroupSize: number;
  compression: Codec;
  layout: LayoutName;
  shape: GeneratedShape;
}

export class UsageError extends Error {}

function integer(name: string, raw: string | undefined, min: number): number {
  if (raw === undefined) throw new UsageError(`missing --${name}`);
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`--${name} must be an integer >= ${min}, got "${raw}"`);
  }
  return value;
}

/** Parses the generator's command line; `null` means help was requested. */
export function parseCliArgs(argv: readonly string[]): CliArgs | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        rows: { type: 'string' },
        shards: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        'row-group-size': { type: 'string' },
        layout: { type: 'string' },
        compression: { type: 'string' },
        shape: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return null;
  const rows = integer('rows', values.rows, 1);
  const layout = values.layout ?? 'hub';
  if (!isLayoutName(layout))
    throw new UsageError(`--layout must be one of ${LAYOUT_NAMES.join(', ')}, got "${layout}"`);
  const preset = LAYOUTS[layout];
  const shards =
    values.shards === undefined
      ? Math.min(rows, preset.shards)
      : integer('shards', values.shards, 1);
  if (shards > rows) throw new UsageError(`--shards (${shards}) must not exceed --rows (${rows})`);
  if (shards > 99_999) throw new UsageError('--shards must be at most 99999');
  const seed = integer('seed', values.seed, 0);
  if (!values.out) throw new UsageError('missing --out');
  const rowGroupSize =
    values['row-group-size'] === undefined
      ? layoutRowGroupSize(layout, rows, shards)
      : integer('row-group-size', values['row-group-size'], 1);
  const compression = values.compression ?? preset.compression;
  if (!isCodec(compression))
    throw new UsageError(`--compression must be one of ${CODECS.join(', ')}, got "${compression}"`);
  const shape = values.shape ?? 'lmsys';
  if (!GENERATED_SHAPES.includes(shape as GeneratedShape))
    throw new UsageError(`--shape must be one of ${GENERATED_SHAPES.join(', ')}, got "${shape}"`);
  return {
    rows,
    shards,
    seed,
    outDir: values.out,
    rowGroupSize,
    compression,
    layout,
    shape: shape as GeneratedShape,
  };
}
