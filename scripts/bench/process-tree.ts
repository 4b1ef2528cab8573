import { readdir, readFile } from 'node:fs/promises';

/** The parent pid from a /proc/<pid>/stat line; the command name in parentheses may hold spaces. */
export function parsePpid(stat: string): number | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : null;
}

export function parseVmRssKb(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) : 0;
}

async function readOrNull(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch(() => null);
}

/** Direct children of every process, read from /proc. */
export async function childrenMap(): Promise<Map<number, number[]>> {
  const pids = (await readdir('/proc')).filter((e) => /^\d+$/.test(e)).map(Number);
  const children = new Map<number, number[]>();
  await Promise.all(
    pids.map(async (pid) => {
      const stat = await readOrNull(`/proc/${pid}/stat`);
      const ppid = stat === null ? null : parsePpid(stat);
      if (ppid === null) return;
      const list = children.get(ppid) ?? [];
      list.push(pid);
      children.set(ppid, list);
    }),
  );
  return children;
}

export async function descendants(roots: readonly number[]): Promise<number[]> {
  const children = await childrenMap();
  const seen = new Set<number>();
  const queue = [...roots];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    if (seen.has(pid)) continue;
    seen.add(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return [...seen];
}

export function parsePssKb(smapsRollup: string): number {
  const match = /^Pss:\s+(\d+)\s+kB/m.exec(smapsRollup);
  return match ? Number(match[1]) : 0;
}

export interface TreeMemory {
  /** Sum of VmRSS: counts pages shared between processes (the browser binary) once per process. */
  rss: number;
  /** Sum of PSS: shared pages divided among their users, so the tree's real footprint. */
  pss: number;
}

async function sumBytes(
  pids: readonly number[],
  file: 'status' | 'smaps_rollup',
  parseKb: (text: string) => number,
): Promise<number> {
  const kbs = await Promise.all(
    pids.map(async (pid) => parseKb((await readOrNull(`/proc/${pid}/${file}`)) ?? '')),
  );
  return kbs.reduce((a, b) => a + b, 0) * 1024;
}

/** Memory of the trees rooted at `roots`, in bytes. */
export async function treeMemory(roots: readonly number[]): Promise<TreeMemory> {
  const pids = await descendants(roots);
  return {
    rss: await sumBytes(pids, 'status', parseVmRssKb),
    pss: await sumBytes(pids, 'smaps_rollup', parsePssKb),
  };
}

/**
 * Polls the memory of a process tree. `resetPeak` starts a new window; `peak` is the largest sums
 * seen since, taking one more sample first so a short window still has one. Walking /proc and
 * reading smaps_rollup cost tens of milliseconds and lock the browser's address space meanwhile, so
 * only every `fullEvery`-th sample refreshes the tree and PSS; the cheap RSS is read every time.
 */
export class MemorySampler {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private max: TreeMemory = { rss: 0, pss: 0 };
  private pids: number[] = [];
  private ticks = 0;

  constructor(
    private readonly roots: readonly number[],
    private readonly intervalMs = 200,
    private readonly fullEvery = 5,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
    this.timer.unref();
  }

  sample(full = this.ticks++ % this.fullEvery === 0): Promise<void> {
    this.current ??= this.measure(full).finally(() => (this.current = undefined));
    return this.current;
  }

  private async measure(full: boolean): Promise<void> {
    if (full || this.pids.length === 0) this.pids = await descendants(this.roots);
    const rss = await sumBytes(this.pids, 'status', parseVmRssKb);
    this.max.rss = Math.max(this.max.rss, rss);
    if (full) {
      const pss = await sumBytes(this.pids, 'smaps_rollup', parsePssKb);
      this.max.pss = Math.max(this.max.pss, pss);
    }
  }

  /** The tree's memory right now, outside any peak window. */
  now(): Promise<TreeMemory> {
    return treeMemory(this.roots);
  }

  resetPeak(): void {
    this.max = { rss: 0, pss: 0 };
  }

  async peak(): Promise<TreeMemory> {
    await this.current;
    await this.sample(true);
    return { ...this.max };
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** Children of this process that did not exist in `before`: the browser we just launched. */
export async function newChildren(before: ReadonlySet<number>): Promise<number[]> {
  const children = (await childrenMap()).get(process.pid) ?? [];
  return children.filter((pid) => !before.has(pid));
}

export async function ownChildren(): Promise<Set<number>> {
  return new Set((await childrenMap()).get(process.pid) ?? []);
}
