import type { Codec } from './layouts';

/** `manifest.json` beside the shards; the app reads it to find the files. */
export const MANIFEST_NAME = 'manifest.json';

/**
 * Bumped whenever the same seed and arguments give different rows, so caches of generated files
 * (the bench's, the embedded sample) are rebuilt instead of reused. 2: layouts in the manifest;
 * 3: realistic text.
 */
export const GENERATOR_VERSION = 3;

export interface Manifest {
  /** Absent for the LMSYS layout. */
  shape?: 'wildchat';
  /** `false` when the messages were written without text (GenerateOptions.text); else absent. */
  text?: false;
  /** Absent before version 2. */
  generator?: number;
  seed: number;
  rows: number;
  rowGroupSize: number;
  /** Absent before version 2, which always wrote ZSTD. */
  compression?: Codec;
  files: { name: string; rows: number; bytes: number }[];
}
