export const STUDY_USAGE = `usage: npx tsx scripts/index/text-index-study.ts [--rows 100000] [--verify-rows 20000]
    [--dir .cache/bench/lmsys-1m-hub] [--out study.json] [--plan previous-study.json]
  --rows         conversations read, the first rows/6 of each shard (postings stay dense)
  --verify-rows  conversations whose every message is matched, to catch a match an index misses
  --plan         a previous --out, whose trigram counts pick each query's rarest trigrams`;

export interface StudyArgs {
  rows: number;
  verifyRows: number;
  dir: string;
  out: string;
  plan: string;
}

export function parseStudyArgs(argv: readonly string[]): StudyArgs {
  const arg = (name: string, fallback: string): string => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
  };
  if (argv.includes('--help')) throw new Error(STUDY_USAGE);
  const args = {
    rows: Number(arg('--rows', '100000')),
    verifyRows: Number(arg('--verify-rows', '20000')),
    dir: arg('--dir', '.cache/bench/lmsys-1m-hub'),
    out: arg('--out', ''),
    plan: arg('--plan', ''),
  };
  if (!(Number.isInteger(args.rows) && args.rows > 0)) throw new Error(STUDY_USAGE);
  return args;
}
