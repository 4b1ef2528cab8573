import { parseCliArgs, USAGE, UsageError } from './generator/cli-args';
import { generateDataset } from './generator/generate-dataset';

async function main(): Promise<number> {
  let args;
  try {
    args = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`generate: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === null) {
    console.log(USAGE);
    return 0;
  }

  const started = performance.now();
  console.log(
    `Generating ${args.rows} ${args.shape} rows in ${args.shards} shard(s), seed ${args.seed}, ` +
      `${args.layout} layout (${args.compression}, row groups of ${args.rowGroupSize}), into ${args.outDir}`,
  );
  const { files } = await generateDataset({
    ...args,
    onProgress: (msg) => console.log(`  ${msg}`),
  });
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const rows = files.reduce((sum, f) => sum + f.rows, 0);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Done: ${files.length} file(s), ${rows} rows, ${bytes} bytes ` +
      `(${(bytes / 1024 ** 2).toFixed(1)} MiB), ${seconds.toFixed(1)} s`,
  );
  return 0;
}

process.exitCode = await main();
