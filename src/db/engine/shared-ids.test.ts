import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { describe, expect, it, vi } from 'vitest';
import { ScoreCubes } from './facet-cube-tables';
import { SharedIds } from './shared-ids';

/** A connection whose statements wait until released, answering a count of 5. */
function heldConnection() {
  const releases: (() => void)[] = [];
  const query = vi.fn(
    (sql: string) =>
      new Promise((resolve) => {
        const answer = { getChild: () => ({ get: () => 5 }) };
        if (sql.startsWith('SELECT count(*)')) resolve(answer);
        else releases.push(() => resolve(answer));
      }),
  );
  return { conn: { query } as unknown as AsyncDuckDBConnection, query, releases };
}

describe("an engine's derived tables", () => {
  it('shared_ids is made once per dataset, and again after a swap', async () => {
    const { conn, query, releases } = heldConnection();
    const ids = new SharedIds();
    const making = ids.make(conn);
    releases.shift()!();
    await making;
    expect(ids.ready()).toBe(true);
    await ids.make(conn);
    expect(query).toHaveBeenCalledTimes(1);
    ids.forget();
    expect(ids.ready()).toBe(false);
  });

  it('shared_ids made while a swap went on does not count as the new dataset’s', async () => {
    const { conn, releases } = heldConnection();
    const ids = new SharedIds();
    const making = ids.make(conn);
    ids.forget();
    releases.shift()!();
    await making;
    expect(ids.ready()).toBe(false);
  });

  it('two engines keep their own tables', async () => {
    const { conn, releases } = heldConnection();
    const a = new SharedIds();
    const b = new SharedIds();
    const making = a.make(conn);
    releases.shift()!();
    await making;
    expect([a.ready(), b.ready()]).toEqual([true, false]);
  });

  it('a score cube is made once per category until a swap', async () => {
    const { conn, query, releases } = heldConnection();
    const cubes = new ScoreCubes();
    const first = cubes.ensure(conn, 'sexual');
    releases.shift()!();
    await first;
    await cubes.ensure(conn, 'sexual');
    // The cube's statement and its row count, once.
    expect(query).toHaveBeenCalledTimes(2);
    cubes.forget();
    const again = cubes.ensure(conn, 'sexual');
    releases.shift()!();
    await again;
    expect(query).toHaveBeenCalledTimes(4);
  });
});
