import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../db';
import { createFakeEngine } from '../../db/testing/fake-engine';
import type { SqlQuery } from '../../sql/query';
import { rowSummaryOptions } from './viewer-queries';

const engine = { runQuery: vi.fn<(q: SqlQuery) => Promise<unknown[]>>() };
const shared = { ready: false };
const fake = createFakeEngine({
  query: engine.runQuery as Engine['query'],
  sharedIdsReady: () => shared.ready,
});

const target = { row: 42, conversation_id: 'abc' };
const byOrdinal = (q: SqlQuery) => q.sql.includes('shared_ids');
/** For each statement run, whether it read through shared_ids. */
const statements = () => engine.runQuery.mock.calls.map(([q]) => byOrdinal(q));
const fetchSummary = () => new QueryClient().fetchQuery(rowSummaryOptions(fake, 1, target));

describe("a clicked row's summary", () => {
  // A block: a function returned from beforeEach would run as its teardown.
  beforeEach(() => {
    engine.runQuery.mockReset();
  });

  it('is read by id until shared_ids is made, by ordinal after', async () => {
    engine.runQuery.mockImplementation((q) =>
      Promise.resolve([{ via: byOrdinal(q) ? 'row' : 'id' }]),
    );
    shared.ready = false;
    expect(await fetchSummary()).toEqual({ via: 'id' });
    shared.ready = true;
    expect(await fetchSummary()).toEqual({ via: 'row' });
    expect(statements()).toEqual([false, true]);
  });

  it('falls back to the lookup by id when the table is gone (a swap dropped it)', async () => {
    shared.ready = true;
    engine.runQuery.mockImplementation((q) =>
      byOrdinal(q)
        ? Promise.reject(new Error('Table with name shared_ids does not exist'))
        : Promise.resolve([{ via: 'id' }]),
    );
    expect(await fetchSummary()).toEqual({ via: 'id' });
    expect(statements()).toEqual([true, false]);
  });

  it('is null when neither finds the row', async () => {
    shared.ready = false;
    engine.runQuery.mockResolvedValue([]);
    expect(await fetchSummary()).toBeNull();
  });
});
