import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readParquet, writeParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeConnection } from '../testing/node-shards';
import { footerTail, hasOffsetIndex } from './page-index';

/** The same nested rows written by DuckDB (no page index) and by arrow-rs (an offset index). */
let duckdbFile: Uint8Array;
let arrowRsFile: Uint8Array;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'convoscope-page-index-'));
  const path = join(dir, 'duckdb.parquet');
  const conn = await nativeConnection();
  await conn.run(
    `COPY (SELECT i AS id, [{'role': 'user', 'content': 'hello ' || i}] AS conversation,
       i % 2 = 0 AS flagged FROM range(3000) t(i))
     TO '${path}' (FORMAT parquet, COMPRESSION snappy)`,
  );
  conn.closeSync();
  duckdbFile = new Uint8Array(await readFile(path));
  arrowRsFile = writeParquet(readParquet(duckdbFile));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const tailOf = (file: Uint8Array) => {
  const tail = footerTail(file);
  if ('need' in tail) throw new Error('the whole file holds the footer');
  return tail;
};
/** The footer's metadata length, from the 4 bytes before the closing `PAR1`. */
const metadataLength = (file: Uint8Array) =>
  new DataView(file.buffer, file.byteOffset + file.length - 8, 4).getUint32(0, true);

describe('hasOffsetIndex', () => {
  it('finds none in a file DuckDB wrote', () => {
    expect(hasOffsetIndex(tailOf(duckdbFile))).toBe(false);
  });

  it('finds the offset index arrow-rs writes', () => {
    expect(hasOffsetIndex(tailOf(arrowRsFile))).toBe(true);
  });
});

describe('footerTail', () => {
  it('asks for as many last bytes as the footer needs when given too few', () => {
    const length = metadataLength(arrowRsFile);
    expect(footerTail(arrowRsFile.subarray(arrowRsFile.length - 16))).toEqual({
      need: length + 8,
    });
    const tail = arrowRsFile.subarray(arrowRsFile.length - length - 8);
    expect(hasOffsetIndex(tailOf(tail))).toBe(true);
  });

  it('names a file that is not parquet', () => {
    expect(() => footerTail(new TextEncoder().encode('just some text'))).toThrow(
      'does not end with PAR1',
    );
  });
});
