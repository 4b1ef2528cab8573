export const INDEX_USAGE = `usage: npm run index -- <shard.parquet ... | 'dir/*.parquet'> --out <dir> [--threads N] [--no-text-index]
  Writes conversations.convoscope.parquet, convoscope-manifest.json and the text index
  (text.convoscope-dir, -vocab, -postings: what a search reads instead of the messages) into
  <dir>. Put them all beside the shards (same folder, same host) and the app opens them instead of
  building the table. --threads N: DuckDB's threads (default 2) and the text index's workers
  (default one per core). --no-text-index: the table and manifest only.`;

export interface IndexArgs {
  inputs: string[];
  outDir: string;
  threads?: number;
  textIndex: boolean;
}

export function parseIndexArgs(argv: readonly string[]): IndexArgs {
  const inputs: string[] = [];
  let outDir: string | undefined;
  let threads: number | undefined;
  let textIndex = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') outDir = argv[++i];
    else if (arg === '--threads') threads = Number(argv[++i]);
    else if (arg === '--no-text-index') textIndex = false;
    else if (arg === '--help' || arg === '-h') throw new Error(INDEX_USAGE);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${INDEX_USAGE}`);
    else inputs.push(arg);
  }
  if (!outDir) throw new Error(`--out <dir> is required\n${INDEX_USAGE}`);
  if (inputs.length === 0) throw new Error(`no shards given\n${INDEX_USAGE}`);
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0))
    throw new Error('--threads must be a positive integer');
  return { inputs, outDir, threads, textIndex };
}
