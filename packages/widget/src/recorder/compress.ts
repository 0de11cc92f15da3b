import { gzip, gzipSync } from 'fflate';

/** How long the worker may take before the main thread compresses instead. */
export const WORKER_TIMEOUT_MS = 3_000;
const LEVEL = 6;

export type Compressor = ReturnType<typeof createCompressor>;

/**
 * gzip off the main thread when the page allows it (fflate's async API runs in a worker made from a blob:
 * URL), else on it. Under a CSP that forbids blob workers fflate's callback is never called, so each call
 * races a timeout; after one failure every later batch goes straight to the synchronous path.
 */
export function createCompressor(options: { workers?: boolean } = {}) {
  let workersWork = options.workers ?? typeof Worker === 'function';
  const sync = (data: Uint8Array) => gzipSync(data, { level: LEVEL });

  return {
    get usesWorker() {
      return workersWork;
    },
    sync,
    compress(data: Uint8Array): Promise<Uint8Array> {
      if (!workersWork) return Promise.resolve(sync(data));
      return new Promise((resolve) => {
        let settled = false;
        const fallBack = () => {
          if (settled) return;
          settled = true;
          workersWork = false;
          resolve(sync(data));
        };
        const timer = setTimeout(fallBack, WORKER_TIMEOUT_MS);
        try {
          gzip(data, { level: LEVEL }, (error, compressed) => {
            clearTimeout(timer);
            if (error) return fallBack();
            if (settled) return;
            settled = true;
            resolve(compressed);
          });
        } catch {
          clearTimeout(timer);
          fallBack();
        }
      });
    },
  };
}
