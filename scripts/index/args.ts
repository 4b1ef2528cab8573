export const INDEX_USAGE = `usage: npm run index -- <shard.parquet ... | 'dir/*.parquet'> --out <dir> [--threads N]
  Writes conversations.convoscope.parquet and convoscope-manifest.json into <dir>. Put both beside
  the shards (same folder, same host) and the app opens them instead of building the table.`;

export interface IndexArgs {
  inputs: string[];
  outDir: string;
  threads?: number;
}

export function parseIndexArgs(argv: readonly string[]): IndexArgs {
  const inputs: string[] = [];
  let outDir: string | undefined;
  let threads: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') outDir = argv[++i];
    else if (arg === '--threads') threads = Number(argv[++i]);
    else if (arg === '--help' || arg === '-h') throw new Error(INDEX_USAGE);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${INDEX_USAGE}`);
    else inputs.push(arg);
  }
  if (!outDir) throw new Error(`--out <dir> is required\n${INDEX_USAGE}`);
  if (inputs.length === 0) throw new Error(`no shards given\n${INDEX_USAGE}`);
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0))
    throw new Error('--threads must be a positive integer');
  return { inputs, outDir, threads };
}
