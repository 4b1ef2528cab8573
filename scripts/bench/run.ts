import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version as duckdbNodeVersion } from '@duckdb/node-api';
import type { LinkProfile } from '../lib/link-shaper';
import { startStaticServer, type RequestLogEntry, type StaticServer } from '../serve-range';
import { parseBenchArgs } from './args';
import { launchBenchBrowser, openBrowserSession, type BenchBrowser } from './browser';
import { cacheWritten, prepareCacheSteps } from './cache-steps';
import { datasetFromDir, ensureDataset, warmPageCache, type Dataset } from './dataset';
import { cleanup, ensureAppBuild, exitCleanlyOnSignals, onCleanup } from './harness';
import { openNativeSession } from './native';
import {
  formatDatasetLine,
  formatMemory,
  formatMs,
  formatTable,
  summarize,
  type StepSummary,
} from './report';
import { selectSteps, type BenchStep, type Sample } from './steps';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const log = (msg: string) => console.error(`[bench] ${msg}`);

async function serve(
  root: string,
  spa: boolean,
  onRequest?: (entry: RequestLogEntry) => void,
  network?: LinkProfile,
): Promise<StaticServer> {
  const server = await startStaticServer({ root, spa, onRequest, network });
  onCleanup(() => server.close());
  return server;
}

function checkRows(side: string, sample: Sample, dataset: Dataset): void {
  if (sample.rows !== undefined && sample.rows !== dataset.rows) {
    throw new Error(
      `${side} built ${sample.rows} conversations, the dataset has ${dataset.rows} (${dataset.dir})`,
    );
  }
}

interface RunContext {
  steps: BenchStep[];
  dataset: Dataset;
  appOrigin: string;
  dataServer: StaticServer;
}

/** One run of every step in a browser of its own, on a fresh profile. */
async function browserRun(
  ctx: RunContext,
  run: number,
): Promise<{ samples: Sample[]; version: string }> {
  const bench = await launchBenchBrowser();
  if (run === 1) log(`chromium ${bench.version}`);
  try {
    return { samples: await stepsIn(bench, ctx, run), version: bench.version };
  } finally {
    await bench.close();
  }
}

async function stepsIn(bench: BenchBrowser, ctx: RunContext, run: number): Promise<Sample[]> {
  const dataUrls = ctx.dataset.shards.map((s) => `${ctx.dataServer.origin}/${s.name}`);
  const session = await openBrowserSession(bench, {
    appOrigin: ctx.appOrigin,
    dataUrls,
    dataServer: ctx.dataServer,
  });
  try {
    // The OPFS cache write after the build streams the whole table through DuckDB's one worker
    // (seconds at 1M rows): steps timed meanwhile would time that write as much as themselves
    const written = await cacheWritten(session.page, 3 * 60_000).catch(() => false);
    if (!written) log(`run ${run}: the build stored nothing in the cache; the steps run anyway`);
    else {
      // The peak window opened with the page, so this one spans the build and the write.
      const peak = await bench.sampler.peak();
      const settled = await bench.sampler.now();
      session.ready.afterCacheWrite = { peak, settled };
      log(
        `run ${run}: RSS (PSS) through the build and its cache write at most ${formatMemory(peak)}, ` +
          `once written ${formatMemory(settled)}`,
      );
    }
    const samples: Sample[] = [];
    for (const step of ctx.steps) {
      ctx.dataServer.stats.reset();
      bench.sampler.resetPeak();
      const sample = await step.ours(session);
      sample.bytes ??= ctx.dataServer.stats.bytes;
      sample.peakMemory ??= await bench.sampler.peak();
      checkRows('the browser', sample, ctx.dataset);
      log(`run ${run} ours   ${step.id}: ${formatMs(sample.ms)}`);
      samples.push(sample);
    }
    return samples;
  } finally {
    await session.close();
  }
}

async function nativeRun(
  steps: BenchStep[],
  dataset: Dataset,
  run: number,
): Promise<(Sample | null)[]> {
  const session = await openNativeSession(dataset);
  try {
    const samples: (Sample | null)[] = [];
    for (const step of steps) {
      const sample = step.native ? await step.native(session) : null;
      if (sample) {
        checkRows('native DuckDB', sample, dataset);
        log(`run ${run} native ${step.id}: ${formatMs(sample.ms)}`);
      }
      samples.push(sample);
    }
    return samples;
  } finally {
    session.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseBenchArgs(argv);
  const steps = selectSteps(args.steps);
  const dataset = args.dataDir
    ? await datasetFromDir(args.dataDir)
    : await ensureDataset(repoRoot, args.rows, args.layout, log);
  log(
    `dataset: ${dataset.rows.toLocaleString('en-US')} conversations, ${dataset.shards.length} shards, ` +
      `${Math.round(dataset.bytes / 1e6)} MB (${dataset.origin}: ${dataset.dir})`,
  );
  const appDir = args.appDir
    ? resolve(args.appDir)
    : await ensureAppBuild(repoRoot, args.build, log);
  // The app's origin stays on loopback (a user gets it from a CDN or the browser's cache).
  const app = await serve(appDir, true);
  const requestLog: RequestLogEntry[] = [];
  const dataServer = await serve(
    dataset.dir,
    false,
    args.trace ? (entry) => requestLog.push(entry) : undefined,
    args.link,
  );
  await warmPageCache(dataset);
  await prepareCacheSteps(
    dataset,
    steps.map((s) => s.id),
    log,
    args.link,
  );

  log(`app ${app.origin}, data ${dataServer.origin} (network: ${args.network})`);
  const ctx: RunContext = { steps, dataset, appOrigin: app.origin, dataServer };
  let chromiumVersion = '';

  const ours: Sample[][] = steps.map(() => []);
  const native: Sample[][] = steps.map(() => []);
  const traces: { run: number; requests: RequestLogEntry[] }[] = [];
  for (let run = 1; run <= args.runs; run++) {
    const { samples, version } = await browserRun(ctx, run);
    chromiumVersion = version;
    samples.forEach((s, i) => ours[i]!.push(s));
    if (args.trace) traces.push({ run, requests: requestLog.splice(0) });
    if (args.skipNative) continue;
    (await nativeRun(steps, dataset, run)).forEach((s, i) => s && native[i]!.push(s));
  }

  const summaries: StepSummary[] = steps.map((step, i) => summarize(step, ours[i]!, native[i]!));
  console.log(formatTable(summaries, formatDatasetLine(dataset, args.network)));
  const results = {
    date: new Date().toISOString(),
    network: args.network,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      memoryBytes: totalmem(),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      chromium: chromiumVersion,
      duckdbNative: duckdbNodeVersion(),
    },
    args,
    dataset: {
      dir: dataset.dir,
      origin: dataset.origin,
      layout: dataset.layout,
      rows: dataset.rows,
      bytes: dataset.bytes,
      shards: dataset.shards.map(({ name, rows, bytes }) => ({ name, rows, bytes })),
    },
    steps: summaries,
    ...(args.trace ? { traces } : {}),
  };
  const jsonPath = resolve(args.json);
  await mkdir(dirname(jsonPath), { recursive: true });
  await writeFile(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${jsonPath}`);
  const missed = summaries.filter((s) => s.pass === false).map((s) => s.id);
  if (missed.length) log(`over budget: ${missed.join(', ')}`);
  return args.strict && missed.length ? 2 : 0;
}

exitCleanlyOnSignals();
let code = 1;
try {
  code = await main(process.argv.slice(2));
} catch (err) {
  console.error(`[bench] failed: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  await cleanup();
}
process.exit(code);
