import { isLayoutName, LAYOUT_NAMES, type LayoutName } from '../generator/layouts';
import { parseLinkProfile, type LinkProfile } from '../lib/link-shaper';

export interface BenchArgs {
  rows: number;
  /** How the generated files are cut and compressed (scripts/generator/layouts.ts). */
  layout: LayoutName;
  runs: number;
  json: string;
  skipNative: boolean;
  build: boolean;
  /** Exit with code 2 when a line misses its budget. */
  strict: boolean;
  /** Keep every data request (path, range, bytes, time) in the JSON. */
  trace: boolean;
  /** Serve this folder instead of building dist/ (a stub page, another build). */
  appDir?: string;
  /** Use the *.parquet files of this folder instead of the generated dataset. */
  dataDir?: string;
  /** Run only these step ids (the build always runs: the other steps need its table). */
  steps?: string[];
  /** The link to the data server: `loopback`, or e.g. `50mbit,40ms` (then `link` shapes it). */
  network: string;
  link?: LinkProfile;
}

export const USAGE = `usage: npm run bench -- [options]
  --rows N        conversations to generate (default 1000000; others get their own cache folder)
  --layout L      hub (default: SNAPPY, row groups of 1,000, like the real files), compact (ZSTD,
                  row groups of 10,240) or giant (one row group per file); each its own cache folder
  --runs N        runs per step (default 3)
  --json PATH     where to write results (default .cache/bench/results.json)
  --skip-native   do not run native DuckDB
  --no-build      reuse dist/ when it exists instead of running npm run build
  --strict        exit with code 2 when a budget is missed
  --trace         record every data request of each browser run in the JSON
  --app-dir DIR   serve DIR as the app instead of dist/ (implies --no-build)
  --data-dir DIR  benchmark the *.parquet files in DIR (sorted by name) instead of generating
  --steps IDS     run only these comma-separated step ids (and the build), e.g. --steps charts
  --network N     the data server's link: loopback (default) or BANDWIDTH,LATENCY, e.g. 50mbit,40ms
                  (kbit, mbit or gbit a second, shared by all requests; ms before each response)`;

function networkProfile(text: string): ReturnType<typeof parseLinkProfile> {
  try {
    return parseLinkProfile(text);
  } catch (err) {
    throw new Error(`--network: ${(err as Error).message}\n${USAGE}`, { cause: err });
  }
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = {
    rows: 1_000_000,
    layout: 'hub',
    runs: 3,
    json: '.cache/bench/results.json',
    skipNative: false,
    build: true,
    strict: false,
    trace: false,
    network: 'loopback',
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    return v;
  };
  const positiveInt = (v: string, flag: string): number => {
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} must be a positive integer`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case '--rows':
        args.rows = positiveInt(value(++i, flag), flag);
        break;
      case '--layout': {
        const layout = value(++i, flag);
        if (!isLayoutName(layout)) {
          throw new Error(`--layout must be one of ${LAYOUT_NAMES.join(', ')}\n${USAGE}`);
        }
        args.layout = layout;
        break;
      }
      case '--runs':
        args.runs = positiveInt(value(++i, flag), flag);
        break;
      case '--json':
        args.json = value(++i, flag);
        break;
      case '--skip-native':
        args.skipNative = true;
        break;
      case '--no-build':
        args.build = false;
        break;
      case '--strict':
        args.strict = true;
        break;
      case '--trace':
        args.trace = true;
        break;
      case '--app-dir':
        args.appDir = value(++i, flag);
        args.build = false;
        break;
      case '--data-dir':
        args.dataDir = value(++i, flag);
        break;
      case '--steps':
        args.steps = value(++i, flag)
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean);
        break;
      case '--network':
        ({ label: args.network, link: args.link } = networkProfile(value(++i, flag)));
        break;
      default:
        throw new Error(`unknown argument: ${flag}\n${USAGE}`);
    }
  }
  return args;
}
