import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `*` and `?` in the file name part, for shells (or quoting) that pass a pattern through. */
export function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
}

/** Inputs as shard paths: plain paths kept in order, each pattern expanded sorted by name. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const paths: string[] = [];
  for (const input of inputs) {
    const name = basename(input);
    if (!/[*?]/.test(name)) {
      paths.push(input);
      continue;
    }
    const dir = dirname(input);
    const match = globToRegExp(name);
    const found = (await readdir(dir)).filter((f) => match.test(f)).sort();
    if (found.length === 0) throw new Error(`${input} matches no file`);
    paths.push(...found.map((f) => join(dir, f)));
  }
  return paths;
}
