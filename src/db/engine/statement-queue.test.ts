import { describe, expect, it } from 'vitest';
import { StatementQueue } from './statement-queue';

/** A statement that records when it starts and ends, and settles when told. */
function recorder() {
  const log: string[] = [];
  let running = 0;
  let most = 0;
  const statement =
    (name: string, fail = false) =>
    async () => {
      log.push(`start ${name}`);
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      log.push(`end ${name}`);
      if (fail) throw new Error(`${name} failed`);
      return name;
    };
  return { log, statement, most: () => most };
}

describe('the statement queue', () => {
  it('runs one statement at a time, the urgent ones asked for in the same task first', async () => {
    const queue = new StatementQueue();
    const { log, statement, most } = recorder();
    const results = await Promise.all([
      queue.run(statement('list window')),
      queue.run(statement('list count')),
      queue.run(statement('facets'), true),
      queue.run(statement('charts'), true),
    ]);
    expect(results).toEqual(['list window', 'list count', 'facets', 'charts']);
    expect(most()).toBe(1);
    expect(log.filter((l) => l.startsWith('start'))).toEqual([
      'start facets',
      'start charts',
      'start list window',
      'start list count',
    ]);
  });

  it('puts an urgent statement asked for later ahead of those still waiting, not of the one running', async () => {
    const queue = new StatementQueue();
    const { log, statement } = recorder();
    const first = queue.run(statement('a'));
    const second = queue.run(statement('b'));
    await new Promise((r) => setTimeout(r, 2)); // `a` is running now
    const urgent = queue.run(statement('facets'), true);
    await Promise.all([first, second, urgent]);
    expect(log.filter((l) => l.startsWith('start'))).toEqual([
      'start a',
      'start facets',
      'start b',
    ]);
  });

  it('passes a failure to its caller and goes on with the rest', async () => {
    const queue = new StatementQueue();
    const { statement } = recorder();
    const bad = queue.run(statement('bad', true));
    const good = queue.run(statement('good'));
    await expect(bad).rejects.toThrow('bad failed');
    await expect(good).resolves.toBe('good');
  });
});
