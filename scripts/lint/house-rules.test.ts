import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The house's import rules, checked against a small tree that breaks each of them on purpose
 * (fixtures/house/src): the project's own eslint.config.js, run by the CLI from that tree's root
 * (the rules' paths are relative to where ESLint runs, as `npm run lint` runs from the repository).
 */
const root = fileURLToPath(new URL('./fixtures/house/', import.meta.url));
const config = fileURLToPath(new URL('../../eslint.config.js', import.meta.url));
const eslintBin = fileURLToPath(
  new URL('../../node_modules/eslint/bin/eslint.js', import.meta.url),
);
const scratch = mkdtempSync(join(root, 'src/lib/scratch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Result {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

/** Lints `files` (paths under the fixture's src/) and gives each file's rule ids. */
async function lint(...files: string[]): Promise<Record<string, string[]>> {
  const args = [eslintBin, '-c', config, '--no-ignore', '--format', 'json', ...files];
  const stdout = await promisify(execFile)(process.execPath, args, { cwd: root }).then(
    (r) => r.stdout,
    // ESLint exits 1 when it finds problems; its report is still on stdout.
    (error: { stdout?: string }) => error.stdout ?? '[]',
  );
  const results = JSON.parse(stdout) as Result[];
  return Object.fromEntries(
    results.map((r) => [
      r.filePath.slice(`${root}src/`.length),
      r.messages.map((m) => m.ruleId ?? m.message),
    ]),
  );
}

const lines = (n: number) =>
  Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';
const scratchName = (file: string) => `${join(scratch, file).slice(`${root}src/`.length)}`;

/**
 * Each case's files, linted in one ESLint run: a run spends most of its time loading the typed
 * config and the TypeScript program, and a file's messages do not depend on what else is linted.
 */
let found: Record<string, string[]>;
beforeAll(async () => {
  writeFileSync(join(scratch, 'long.ts'), lines(301));
  writeFileSync(join(scratch, 'short.ts'), lines(300));
  writeFileSync(
    join(scratch, 'ffi.ts'),
    "import { parseRecordBatch } from 'arrow-js-ffi';\n\nexport const parse = parseRecordBatch;\n",
  );
  found = await lint(
    'src/model/upward.ts',
    'src/sql/sideways.ts',
    'src/lib/downward.ts',
    'src/features/search/deep-import.ts',
    'src/features/search/through-door.ts',
    'src/lib/cycle-a.ts',
    join(scratch, 'long.ts'),
    join(scratch, 'short.ts'),
    join(scratch, 'ffi.ts'),
  );
});

describe('lint enforces the house', () => {
  it('fails imports that run upward or into a higher layer, and passes a downward one', () => {
    expect(found['model/upward.ts']).toEqual(['import-x/no-restricted-paths']);
    expect(found['sql/sideways.ts']).toEqual(['import-x/no-restricted-paths']);
    expect(found['lib/downward.ts']).toEqual([]);
  });

  it('fails a deep import into another feature, and passes the same through its front door', () => {
    expect(found['features/search/deep-import.ts']).toEqual(['import-x/no-restricted-paths']);
    expect(found['features/search/through-door.ts']).toEqual([]);
  });

  it('fails an import cycle', () => {
    expect(found['lib/cycle-a.ts']).toEqual(['import-x/no-cycle']);
  });

  it('fails a 301-line file and passes a 300-line one', () => {
    expect(found[scratchName('long.ts')]).toEqual(['max-lines']);
    expect(found[scratchName('short.ts')]).toEqual([]);
  });

  it('keeps the engine packages, arrow-js-ffi among them, inside src/db', () => {
    expect(found[scratchName('ffi.ts')]).toEqual(['no-restricted-imports']);
  });
});
