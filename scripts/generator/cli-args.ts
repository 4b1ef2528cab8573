import { parseArgs } from 'node:util';
import { DEFAULT_ROW_GROUP_SIZE, GENERATED_SHAPES, type GeneratedShape } from './generate-dataset';

export const USAGE = `Usage: npm run generate -- --rows N --shards K --seed S --out DIR [--row-group-size R]

  --rows N             number of conversations (positive integer)
  --shards K           number of parquet files, 1..N (train-00000-of-0000K.parquet, ...)
  --seed S             non-negative integer; same seed and arguments give identical files
  --out DIR            output directory (created if missing; shards and manifest.json are replaced)
  --row-group-size R   rows per parquet row group (default ${DEFAULT_ROW_GROUP_SIZE})
  --shape S            column layout: lmsys (LMSYS-Chat-1M, default) or wildchat (WildChat-1M)`;

export interface CliArgs {
  rows: number;
  shards: number;
  seed: number;
  outDir: string;
  rowGroupSize: number;
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
        shape: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return null;
  const rows = integer('rows', values.rows, 1);
  const shards = integer('shards', values.shards, 1);
  if (shards > rows) throw new UsageError(`--shards (${shards}) must not exceed --rows (${rows})`);
  if (shards > 99_999) throw new UsageError('--shards must be at most 99999');
  const seed = integer('seed', values.seed, 0);
  if (!values.out) throw new UsageError('missing --out');
  const rowGroupSize = integer(
    'row-group-size',
    values['row-group-size'] ?? String(DEFAULT_ROW_GROUP_SIZE),
    1,
  );
  const shape = values.shape ?? 'lmsys';
  if (!GENERATED_SHAPES.includes(shape as GeneratedShape))
    throw new UsageError(`--shape must be one of ${GENERATED_SHAPES.join(', ')}, got "${shape}"`);
  return { rows, shards, seed, outDir: values.out, rowGroupSize, shape: shape as GeneratedShape };
}
