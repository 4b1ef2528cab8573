import { parseIndexArgs } from './index/args';
import { expandInputs } from './index/expand-inputs';
import { writeSidecar } from './index/write-sidecar';

/** `npm run index -- <shards or glob> --out <dir>`: the prepared `conversations` sidecar. */
try {
  const args = parseIndexArgs(process.argv.slice(2));
  const shards = await expandInputs(args.inputs);
  const started = performance.now();
  console.log(`index: ${shards.length} shard(s) -> ${args.outDir}`);
  const { manifest, tablePath, manifestPath } = await writeSidecar({ ...args, shards });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `index: ${manifest.table.rows} conversations, ${manifest.table.rowGroups.length} row groups, ` +
      `${manifest.table.bytes} bytes in ${seconds} s\n  ${tablePath}\n  ${manifestPath}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
