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

  it("keeps only the latest cube of a family, such as a search's hits", async () => {
    const read = vi.fn(async () => 'cube');
    await readCubeOnce(7, 'facet', read);
    await readCubeOnce(7, 'search:1', read, 'search:');
    await readCubeOnce(7, 'search:1', read, 'search:');
    expect(read).toHaveBeenCalledTimes(2);
    await readCubeOnce(7, 'search:2', read, 'search:');
    expect(read).toHaveBeenCalledTimes(3);
    // Search 1's cube was let go when search 2's was read; the facet cube stays.
    await readCubeOnce(7, 'search:1', read, 'search:');
    expect(read).toHaveBeenCalledTimes(4);
    await readCubeOnce(7, 'facet', read);
    expect(read).toHaveBeenCalledTimes(4);
  });
});
