import { describe, expect, it } from 'vitest';
import { describeProblem } from '../engine/dataset-error';
import {
  BASE_BYTES,
  BYTES_PER_CONVERSATION,
  memoryProblem,
  tabMemoryBudget,
} from './memory-budget';

describe('the memory budget', () => {
  it('is half the device memory the browser reports, 8 GB when it reports none', () => {
    expect(tabMemoryBudget(8)).toBe(4e9);
    expect(tabMemoryBudget(2)).toBe(1e9);
    expect(tabMemoryBudget(undefined)).toBe(4e9);
  });

  it('lets the full LMSYS-Chat-1M and WildChat-1M open on an 8 GB device', () => {
    const shards = Array.from({ length: 6 }, (_, i) => ({ name: `train-${i}`, rows: 166_667 }));
    expect(memoryProblem(shards, tabMemoryBudget(8))).toBeUndefined();
  });

  it('refuses a dataset over budget up front, naming its largest files and the numbers', () => {
    const shards = [
      { name: 'a.parquet', rows: 1_000_000 },
      { name: 'b.parquet', rows: 4_000_000 },
      { name: 'c.parquet', rows: 2_000_000 },
      { name: 'd.parquet', rows: 10 },
    ];
    const problem = memoryProblem(shards, 4e9)!;
    expect(problem.file).toBe('b.parquet, c.parquet, a.parquet and 1 more');
    const text = describeProblem(problem);
    expect(text).toContain('7,000,010 conversations are too many for this tab');
    expect(text).toContain('about 5.7 GB of memory');
    expect(text).toContain("this tab's budget is 4.0 GB");
    expect(text).toContain('at most about 4,642,857 conversations');
  });

  it('draws the line exactly where the estimate meets the budget', () => {
    const fit = Math.floor((4e9 - BASE_BYTES) / BYTES_PER_CONVERSATION);
    expect(memoryProblem([{ name: 'x', rows: fit }], 4e9)).toBeUndefined();
    expect(memoryProblem([{ name: 'x', rows: fit + 1 }], 4e9)).toBeDefined();
    // A 2 GB device (1 GB budget) still opens the 20,000-row sample, not a million rows.
    expect(memoryProblem([{ name: 'x', rows: 20_000 }], 1e9)).toBeUndefined();
    expect(memoryProblem([{ name: 'x', rows: 1_000_000 }], 1e9)).toBeDefined();
  });
});
