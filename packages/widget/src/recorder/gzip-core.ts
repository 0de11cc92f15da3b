import { gzipSync } from 'fflate';

/** gzip of bytes at a given level (fflate's `gzipSync`). */
export type GzipSync = (data: Uint8Array, options: { level: 6 }) => Uint8Array;

/**
 * Returns fflate's `gzipSync`. The build replaces this module with a self-contained copy whose body holds all of
 * fflate's gzip code (scripts/self-contained-gzip.ts), so that its source text (`gzipCore.toString()`) can also
 * start the compression worker: the code ships once and serves both threads.
 */
export function gzipCore(): GzipSync {
  return gzipSync as GzipSync;
}
