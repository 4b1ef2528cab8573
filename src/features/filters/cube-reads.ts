/**
 * The pre-aggregated cubes read into the page (src/model/cube-counts.ts,
 * src/model/cube-charts.ts), each once per dataset: only the latest dataset's are kept.
 * The cubes of stored subsets (a search's hits, a console query's ids) come and go with the
 * user's searches, so each such family keeps only its latest few.
 */
let reads: { datasetId: number; cubes: Map<string, Promise<unknown>> } = {
  datasetId: -1,
  cubes: new Map(),
};

/** Names starting with `prefix` keep at most `keep` cubes: the oldest read goes first. */
export interface CubeFamily {
  prefix: string;
  keep: number;
}

/** The cube named `name` of this dataset version, read by `read` the first time it is asked for. */
export function readCubeOnce<T>(
  datasetId: number,
  name: string,
  read: () => Promise<T>,
  family?: CubeFamily,
): Promise<T> {
  if (reads.datasetId !== datasetId) reads = { datasetId, cubes: new Map() };
  const { cubes } = reads;
  let cube = cubes.get(name) as Promise<T> | undefined;
  if (!cube) {
    if (family) {
      // A Map iterates in insertion order: the first of the family is the oldest.
      const kin = [...cubes.keys()].filter((other) => other.startsWith(family.prefix));
      for (const other of kin.slice(0, Math.max(0, kin.length - family.keep + 1)))
        cubes.delete(other);
    }
    const reading = read();
    // A failed read is tried again by the next state rather than remembered (unless a newer
    // read of the same name has taken its place meanwhile).
    reading.catch(() => {
      if (cubes.get(name) === reading) cubes.delete(name);
    });
    cubes.set(name, reading);
    cube = reading;
  }
  return cube;
}
