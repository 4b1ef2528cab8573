import { describe, expect, it, vi } from 'vitest';
import { readCubeOnce } from './cube-reads';

describe('readCubeOnce', () => {
  it('reads each cube once per dataset, again for a new dataset, and retries a failed read', async () => {
    const read = vi.fn(async () => 'facet cube');
    expect(await readCubeOnce(1, 'facet', read)).toBe('facet cube');
    expect(await readCubeOnce(1, 'facet', read)).toBe('facet cube');
    expect(read).toHaveBeenCalledTimes(1);
    await readCubeOnce(1, 'score:hate', read);
    expect(read).toHaveBeenCalledTimes(2);
    await readCubeOnce(2, 'facet', read);
    expect(read).toHaveBeenCalledTimes(3);

    const failing = vi.fn().mockRejectedValueOnce(new Error('engine busy'));
    failing.mockResolvedValueOnce('read at last');
    await expect(readCubeOnce(2, 'score:sexual', failing)).rejects.toThrow('engine busy');
    expect(await readCubeOnce(2, 'score:sexual', failing)).toBe('read at last');
    expect(failing).toHaveBeenCalledTimes(2);
  });

  it('keeps the latest few cubes of a family, such as the subsets of searches', async () => {
    const read = vi.fn(async () => 'cube');
    const family = { prefix: 'subset:', keep: 2 };
    await readCubeOnce(7, 'facet', read);
    await readCubeOnce(7, 'subset:1', read, family);
    await readCubeOnce(7, 'subset:1', read, family);
    expect(read).toHaveBeenCalledTimes(2);
    await readCubeOnce(7, 'subset:2', read, family);
    await readCubeOnce(7, 'subset:1', read, family);
    expect(read).toHaveBeenCalledTimes(3);
    // A third lets the oldest go; the facet cube, of no family, stays.
    await readCubeOnce(7, 'subset:3', read, family);
    await readCubeOnce(7, 'subset:2', read, family);
    expect(read).toHaveBeenCalledTimes(4);
    await readCubeOnce(7, 'subset:1', read, family);
    expect(read).toHaveBeenCalledTimes(5);
    await readCubeOnce(7, 'facet', read);
    expect(read).toHaveBeenCalledTimes(5);
  });

  it('lets a failed read go without dropping the newer read that took its name', async () => {
    let fail: (error: Error) => void = () => undefined;
    const failing = () => new Promise<string>((_, reject) => (fail = reject));
    const family = { prefix: 'subset:', keep: 1 };
    const first = readCubeOnce(8, 'subset:a', failing, family);
    await readCubeOnce(8, 'subset:b', async () => 'b', family);
    const again = vi.fn(async () => 'a again');
    expect(await readCubeOnce(8, 'subset:a', again, family)).toBe('a again');
    fail(new Error('engine busy'));
    await expect(first).rejects.toThrow('engine busy');
    expect(await readCubeOnce(8, 'subset:a', again, family)).toBe('a again');
    expect(again).toHaveBeenCalledTimes(1);
  });
});
