import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];
const children = new Set<ChildProcess>();

/** Registers something to undo on exit, error or Ctrl-C; undone in reverse order. */
export function onCleanup(fn: Cleanup): void {
  cleanups.push(fn);
}

export async function cleanup(): Promise<void> {
  for (const child of children) child.kill('SIGTERM');
  for (let fn = cleanups.pop(); fn; fn = cleanups.pop()) {
    try {
      await fn();
    } catch (err) {
      console.error('cleanup failed:', err);
    }
  }
}

let interrupted = false;
export function exitCleanlyOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      console.error(`\n${signal}: stopping the browser and servers`);
      void cleanup().finally(() => process.exit(130));
    });
  }
}

/** Runs a command, keeping its output quiet unless it fails. */
export function run(cmd: string, args: readonly string[], cwd: string): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      children.delete(child);
      if (code === 0) ok();
      else fail(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? code}):\n${output}`));
    });
  });
}

/**
 * dist/ built by `npm run build` (the embedded sample first, then `vite build`), unless the caller
 * asked to reuse an existing one: on a fresh clone a bare `vite build` ships no sample.
 */
export async function ensureAppBuild(
  repoRoot: string,
  build: boolean,
  log: (msg: string) => void,
): Promise<string> {
  const dist = join(repoRoot, 'dist');
  if (!build && existsSync(join(dist, 'index.html'))) {
    log('reusing dist/ (--no-build)');
    return dist;
  }
  log(build ? 'building the app (npm run build)' : 'dist/ is missing: building the app');
  const started = performance.now();
  await run('npm', ['run', 'build'], repoRoot);
  log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return dist;
}
