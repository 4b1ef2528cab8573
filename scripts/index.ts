import { join } from 'node:path';
import { parseIndexArgs } from './index/args';
import { expandInputs } from './index/expand-inputs';
import { writeSidecar } from './index/write-sidecar';
import type { TextIndexStats } from './index/write-text-index';

/** `npm run index -- <shards or glob> --out <dir>`: the prepared `conversations` sidecar. */
try {
  const args = parseIndexArgs(process.argv.slice(2));
  const shards = await expandInputs(args.inputs);
  const started = performance.now();
  console.log(`index: ${shards.length} shard(s) -> ${args.outDir}`);
  const { manifest, tablePath, manifestPath, textIndex } = await writeSidecar({
    ...args,
    shards,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `index: ${manifest.table.rows} conversations in ${seconds.toFixed(1)} s\n` +
      `  table: ${manifest.table.rowGroups.length} row groups, ${mb(manifest.table.bytes)} in ` +
      `${(seconds - (textIndex?.seconds ?? 0)).toFixed(1)} s\n  ${tablePath}\n  ${manifestPath}`,
  );
  const entry = manifest.textIndex;
  if (entry && textIndex) {
    const files = Object.values(entry.files);
    const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
    const shardBytes = manifest.shards.reduce((sum, s) => sum + s.bytes, 0);
    console.log(
      `  text index: ${entry.terms} terms, ${mb(bytes)} (${((100 * bytes) / shardBytes).toFixed(1)}% ` +
        `of the shards' bytes) ${describeTime(textIndex)}\n` +
        files.map((f) => `  ${join(args.outDir, f.file)}: ${mb(f.bytes)}`).join('\n'),
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function describeTime(stats: TextIndexStats): string {
  const s = (x: number) => `${x.toFixed(1)} s`;
  const phases = Object.entries(stats.phases)
    .map(([phase, x]) => `${phase} ${s(x)}`)
    .join(', ');
  return (
    `in ${s(stats.seconds)}: ${stats.workers} worker(s) ${s(stats.workerSeconds)} ` +
    `(their threads' ${phases}), merge and write ${s(stats.mergeSeconds)}; ` +
    `${stats.messages} messages, ${stats.postings} postings`
  );
}
