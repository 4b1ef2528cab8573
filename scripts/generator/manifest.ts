/** `manifest.json` beside the shards; the app reads it to find the files. */
export const MANIFEST_NAME = 'manifest.json';

export interface Manifest {
  /** Absent for the LMSYS layout. */
  shape?: 'wildchat';
  seed: number;
  rows: number;
  rowGroupSize: number;
  files: { name: string; rows: number; bytes: number }[];
}
