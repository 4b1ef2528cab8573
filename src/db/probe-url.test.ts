import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/serve-range';
import { probeParquetUrl } from './probe-url';

describe('probeParquetUrl', () => {
  let dir: string;
  let host: StaticServer;
  let noRanges: StaticServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convoscope-probe-'));
    writeFileSync(join(dir, 'ok.parquet'), 'PAR1 rows and a footer 1234PAR1');
    writeFileSync(join(dir, 'notes.txt'), 'just some text that is not parquet');
    writeFileSync(join(dir, 'empty.parquet'), '');
    host = await startStaticServer({ root: dir });
    noRanges = await startStaticServer({ root: dir, ranges: false });
  });
  afterAll(async () => {
    await host.close();
    await noRanges.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts a parquet file from a host with Range support', async () => {
    await expect(
      probeParquetUrl('ok.parquet', `${host.origin}/ok.parquet`),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['notes.txt', 'host', 'notes.txt: is not a parquet file'],
    ['missing.parquet', 'host', 'missing.parquet: could not be fetched (HTTP 404 Not Found)'],
    ['empty.parquet', 'host', 'empty.parquet: is empty'],
    ['ok.parquet', 'noRanges', 'ok.parquet: was sent whole instead of in parts'],
  ])('names the problem with %s on %s', async (file, which, message) => {
    const origin = which === 'host' ? host.origin : noRanges.origin;
    await expect(probeParquetUrl(file, `${origin}/${file}`)).rejects.toThrow(message);
  });

  it('says when the host cannot be reached', async () => {
    const refused: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(
      probeParquetUrl('a.parquet', 'https://data.example/a.parquet', refused),
    ).rejects.toThrow(
      'a.parquet: could not be fetched from data.example: the host is unreachable or does not allow cross-origin requests from this page (CORS)',
    );
  });
});
