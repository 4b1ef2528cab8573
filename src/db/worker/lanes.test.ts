import { describe, expect, it } from 'vitest';
import { runLanes } from './lanes';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('runLanes', () => {
  it('runs every item once, at most `count` at a time per group', async () => {
    const ran: number[] = [];
    let running = 0;
    let most = 0;
    await runLanes(
      Array.from({ length: 20 }, (_, i) => i),
      [
        {
          count: 3,
          run: async (item) => {
            most = Math.max(most, ++running);
            await tick();
            ran.push(item);
            running--;
          },
        },
      ],
    );
    expect(ran.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(most).toBe(3);
  });

  it('lets a group stop taking items once it is done, the others finish the queue', async () => {
    const bySlow: number[] = [];
    const byHelper: number[] = [];
    let slowAnswered = false;
    await runLanes(
      Array.from({ length: 12 }, (_, i) => i),
      [
        {
          count: 1,
          run: async (item) => {
            for (let i = 0; i < 5; i++) await tick();
            slowAnswered = true;
            bySlow.push(item);
          },
        },
        {
          count: 1,
          run: async (item) => {
            await tick();
            byHelper.push(item);
          },
          done: () => slowAnswered,
        },
      ],
    );
    expect([...bySlow, ...byHelper].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i),
    );
    // The helper took items only while the slow lane had not answered.
    expect(byHelper.length).toBeGreaterThan(0);
    expect(bySlow.length).toBeGreaterThan(1);
    expect(Math.max(...byHelper)).toBeLessThan(Math.max(...bySlow));
  });

  it('starts a group with `after` only once that promise settles', async () => {
    const order: string[] = [];
    let open = () => undefined as void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    await runLanes(
      [0, 1, 2, 3],
      [
        {
          count: 1,
          run: async (item) => {
            order.push(`late ${item}`);
            await tick();
          },
          after: gate,
        },
        {
          count: 1,
          run: async (item) => {
            order.push(`first ${item}`);
            await tick();
            open();
          },
        },
      ],
    );
    expect(order.slice(0, 2)).toEqual(['first 0', 'late 1']);
    expect(order).toHaveLength(4);
  });

  it('starts nothing more once the signal aborts, in lanes waiting on `after` too', async () => {
    const ran: string[] = [];
    const controller = new AbortController();
    let open = () => undefined as void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    await runLanes(
      [0, 1, 2, 3],
      [
        { count: 2, run: async (item) => void ran.push(`late ${item}`), after: gate },
        {
          count: 1,
          run: async (item) => {
            ran.push(`first ${item}`);
            controller.abort();
            open();
            await tick();
          },
        },
      ],
      controller.signal,
    );
    expect(ran).toEqual(['first 0']);
  });

  it('stops starting items after the first failure and rejects with it', async () => {
    const started: number[] = [];
    const run = runLanes(
      [0, 1, 2, 3, 4, 5],
      [
        {
          count: 2,
          run: async (item) => {
            started.push(item);
            await tick();
            if (item === 1) throw new Error('read failed');
          },
        },
      ],
    );
    await expect(run).rejects.toThrow('read failed');
    expect(started).toEqual([0, 1, 2]);
  });
});
