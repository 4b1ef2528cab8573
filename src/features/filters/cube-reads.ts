/**
 * The pre-aggregated cubes read into the page (src/features/filters/cube-counts.ts,
 * src/features/charts/cube-charts.ts), each once per dataset: only the latest dataset's are kept.
 */
let reads: { datasetVersion: number; cubes: Map<string, Promise<unknown>> } = {
  datasetVersion: -1,
  cubes: new Map(),
};

/**
 * The cube named `name` of this dataset version, read by `read` the first time it is asked for.
 * Names starting with `family` (e.g. every search's cube) keep only the latest one read.
 */
export function readCubeOnce<T>(
  datasetVersion: number,
  name: string,
  read: () => Promise<T>,
  family?: string,
): Promise<T> {
  if (reads.datasetVersion !== datasetVersion) reads = { datasetVersion, cubes: new Map() };
  const { cubes } = reads;
  let cube = cubes.get(name) as Promise<T> | undefined;
  if (!cube) {
    if (family !== undefined)
      for (const other of [...cubes.keys()]) if (other.startsWith(family)) cubes.delete(other);
    cube = read();
    // A failed read is tried again by the next state rather than remembered.
    cube.catch(() => cubes.delete(name));
    cubes.set(name, cube);
  }
  return cube;
}
