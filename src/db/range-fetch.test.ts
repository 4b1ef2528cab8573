import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/serve-range';
import { rangeFetch, RangeNotSupportedError } from './range-fetch';

describe('rangeFetch', () => {
  let dir: string;
  let withRanges: StaticServer;
  let withoutRanges: StaticServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-fetch-'));
    writeFileSync(join(dir, 'f.bin'), 'PAR1 0123456789 PAR1');
    withRanges = await startStaticServer({ root: dir });
    withoutRanges = await startStaticServer({ root: dir, ranges: false });
  });
  afterAll(async () => {
    await withRanges.close();
    await withoutRanges.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes range requests through, uncached', async () => {
    const seen: Request[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(new Request(input, init));
      return fetch(input, init);
    };
    const response = await rangeFetch(spy)(`${withRanges.origin}/f.bin`, {
      headers: { Range: 'bytes=-4' },
    });
    expect(response.status).toBe(206);
    expect(await response.text()).toBe('PAR1');
    expect(seen[0]!.cache).toBe('no-store');
  });

  it('turns a host that ignores Range into a clear error', async () => {
    await expect(
      rangeFetch(fetch)(`${withoutRanges.origin}/f.bin`, { headers: { Range: 'bytes=0-3' } }),
    ).rejects.toBeInstanceOf(RangeNotSupportedError);
  });

  it('leaves plain requests alone', async () => {
    const response = await rangeFetch(fetch)(`${withoutRanges.origin}/f.bin`);
    expect(response.status).toBe(200);
  });
});
