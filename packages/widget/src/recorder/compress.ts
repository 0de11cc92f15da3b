import { gzip, gzipSync } from 'fflate';

/** How long the worker may take before the main thread compresses instead. */
export const WORKER_TIMEOUT_MS = 3_000;
const LEVEL = 6;

export type Compressor = ReturnType<typeof createCompressor>;

/**
 * gzip off the main thread when the page allows it (fflate's async API runs in a worker made from a blob:
 * URL). Under a CSP that forbids blob workers fflate's callback is never called, so each call races a timeout;
 * after one failure later batches go to the browser's native CompressionStream (async, native code), and only
 * where that is missing to fflate on the main thread.
 */
export function createCompressor(options: { workers?: boolean } = {}) {
  let workersWork = options.workers ?? typeof Worker === 'function';
  const sync = (data: Uint8Array) => gzipSync(data, { level: LEVEL });
  const native = (data: Uint8Array): Promise<Uint8Array> =>
    new Response(new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('gzip')))
      .arrayBuffer()
      .then((buffer) => new Uint8Array(buffer));
  const fallback = (data: Uint8Array): Promise<Uint8Array> =>
    typeof CompressionStream === 'function' ? native(data).catch(() => sync(data)) : Promise.resolve(sync(data));

  return {
    get usesWorker() {
      return workersWork;
    },
    sync,
    compress(data: Uint8Array): Promise<Uint8Array> {
      if (!workersWork) return fallback(data);
      return new Promise((resolve) => {
        let settled = false;
        const fallBack = () => {
          if (settled) return;
          settled = true;
          workersWork = false;
          resolve(fallback(data));
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
