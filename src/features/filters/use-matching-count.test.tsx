// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { EngineContext, type Engine } from '../../db';
import { createFakeEngine } from '../../db/testing/fake-engine';
import { EMPTY_FILTERS, type Filters } from '../../model/filters';
import { buildCountQuery } from '../../sql/conversation-count';
import { useMatchingCount } from './use-matching-count';

/**
 * N and M as the status line, the list and the export read them. The fake engine answers the
 * count statement with 100, and the facet statement (a minimum score: no cube answers it) with
 * whatever `matching` holds when it is asked, or waits while `held` is set.
 */
function setup() {
  const state: { matching: number; held?: Promise<void> } = { matching: 7 };
  const engine = createFakeEngine({
    async query(query) {
      if (query.sql === buildCountQuery().sql) return [{ n: 100 }] as never[];
      const matching = state.matching;
      await state.held;
      return [
        { facet: 'total', value: 'all', n: 100 },
        { facet: 'total', value: 'matching', n: matching },
      ] as never[];
    },
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <EngineContext value={engine as Engine}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </EngineContext>
  );
  return { engine, state, wrapper };
}

const minSexual = (min: number): Filters => ({ ...EMPTY_FILTERS, minScores: { sexual: min } });

describe('useMatchingCount', () => {
  it('gives N as M with no filter, and runs no facet statement', async () => {
    const { engine, wrapper } = setup();
    const { result } = renderHook(() => useMatchingCount(1, EMPTY_FILTERS), { wrapper });
    await waitFor(() => expect(result.current.total).toBe(100));
    expect(result.current).toEqual({
      filtered: false,
      total: 100,
      matching: 100,
      placeholder: false,
    });
    expect(engine.callsOf('query')).toHaveLength(1);
  });

  it("gives M of N under a filter, from the facet statement's matching count", async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useMatchingCount(1, minSexual(0.5)), { wrapper });
    await waitFor(() => expect(result.current.matching).toBe(7));
    expect(result.current).toEqual({ filtered: true, total: 100, matching: 7, placeholder: false });
  });

  it("keeps the previous state's M as a placeholder, and says so, until the new one arrives", async () => {
    const { state, wrapper } = setup();
    const { result, rerender } = renderHook(({ filters }) => useMatchingCount(1, filters), {
      wrapper,
      initialProps: { filters: minSexual(0.5) },
    });
    await waitFor(() => expect(result.current.matching).toBe(7));
    let release = () => undefined as void;
    state.held = new Promise((resolve) => (release = resolve));
    state.matching = 3;
    rerender({ filters: minSexual(0.9) });
    await waitFor(() => expect(result.current.placeholder).toBe(true));
    expect(result.current.matching).toBe(7);
    await act(async () => release());
    await waitFor(() => expect(result.current.matching).toBe(3));
    expect(result.current.placeholder).toBe(false);
  });

  it('counts a new dataset anew: its N is asked for again', async () => {
    const { engine, wrapper } = setup();
    const { result, rerender } = renderHook(
      ({ version }) => useMatchingCount(version, EMPTY_FILTERS),
      { wrapper, initialProps: { version: 1 } },
    );
    await waitFor(() => expect(result.current.total).toBe(100));
    rerender({ version: 2 });
    await waitFor(() => expect(engine.callsOf('query')).toHaveLength(2));
  });
});
