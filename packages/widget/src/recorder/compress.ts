import { type GzipSync, gzipCore } from './gzip-core';
import { storedGzip } from './stored-gzip';

/** How long the worker may take over one batch before the main thread compresses it instead. */
export const WORKER_TIMEOUT_MS = 3_000;
const LEVEL = 6;

/** The parts of a Worker the compressor uses (tests hand in a fake). */
export interface CompressionWorker {
  postMessage(message: [number, string]): void;
  onmessage: ((event: { data: [number, Uint8Array | undefined] }) => void) | null;
  onerror: (() => void) | null;
  terminate(): void;
}

export interface CompressorOptions {
  /** Starts the compression worker; omitted: a blob: worker where the page has `Worker`, else none. */
  createWorker?: (() => CompressionWorker) | null;
  timeoutMs?: number;
}

export type Compressor = ReturnType<typeof createCompressor>;

let gzip: GzipSync | undefined;
const encoder = new TextEncoder();

/** gzip on the main thread: where neither the worker nor CompressionStream is available. */
export function gzipNow(json: string): Uint8Array {
  gzip ??= gzipCore();
  return gzip(encoder.encode(json), { level: LEVEL });
}

/**
 * The worker's script: fflate's gzip (the very function the main thread uses, from its source text) and a
 * handler that encodes a batch's JSON, compresses it and hands the bytes back (transferred, not copied).
 */
function blobWorker(): CompressionWorker {
  const source =
    `var g=(${Function.prototype.toString.call(gzipCore)})();` +
    `onmessage=function(e){var r;try{r=g(new TextEncoder().encode(e.data[1]),{level:${LEVEL}})}catch(x){}` +
    'postMessage([e.data[0],r],r?[r.buffer]:[])}';
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    return new Worker(url) as unknown as CompressionWorker;
  } finally {
    // The worker has its script once it started: the URL is not needed afterwards.
    setTimeout(() => URL.revokeObjectURL(url), WORKER_TIMEOUT_MS);
  }
}

/**
 * gzip off the main thread: ONE worker per page, started on the first batch and kept (fflate's async API would
 * start, compile and tear down a worker for every batch). The batch goes to it as the JSON string (a copy of
 * flat memory, well under a millisecond per MB), so the main thread neither encodes nor compresses.
 *
 * A page whose CSP forbids blob: workers makes the worker fail (its `error` event; some browsers never answer at
 * all), and a worker can hang: every batch races a timeout, and once the worker failed or timed out, batches
 * go to the browser's native CompressionStream (async, native code), and only where that is missing to gzip
 * on the main thread. No batch is lost on the way: a batch the worker never answered is compressed again.
 */
export function createCompressor(options: CompressorOptions = {}) {
  const createWorker =
    options.createWorker === undefined ? (typeof Worker === 'function' ? blobWorker : null) : options.createWorker;
  const timeoutMs = options.timeoutMs ?? WORKER_TIMEOUT_MS;
  let worker: CompressionWorker | undefined;
  let broken = createWorker === null;
  let nextId = 0;
  const pending = new Map<number, (bytes: Uint8Array | undefined) => void>();

  const native = (json: string): Promise<Uint8Array> =>
    new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('gzip')))
      .arrayBuffer()
      .then((buffer) => new Uint8Array(buffer));
  const fallback = (json: string): Promise<Uint8Array> =>
    typeof CompressionStream === 'function'
      ? native(json).catch(() => gzipNow(json))
      : new Promise((resolve) => resolve(gzipNow(json)));

  /** The worker is given up on for this page: whatever it still holds is compressed another way. */
  function giveUp(): void {
    broken = true;
    try {
      worker?.terminate();
    } catch {
      // already gone
    }
    worker = undefined;
    for (const settle of [...pending.values()]) settle(undefined);
    pending.clear();
  }

  function startWorker(): CompressionWorker | undefined {
    if (worker || broken || !createWorker) return worker;
    try {
      const started = createWorker();
      started.onmessage = ({ data }) => {
        const settle = pending.get(data[0]);
        pending.delete(data[0]);
        settle?.(data[1]);
      };
      started.onerror = giveUp;
      worker = started;
    } catch {
      broken = true;
    }
    return worker;
  }

  return {
    /** Whether batches still go to the worker. */
    get usesWorker() {
      return !broken;
    },
    /** Synchronous gzip on the main thread, stored (not compressed): for unload. */
    store: storedGzip,
    /** gzip of a batch's JSON, off the main thread when the page allows it; never rejects. */
    compress(json: string): Promise<Uint8Array> {
      const running = startWorker();
      if (!running) return fallback(json);
      const id = nextId++;
      return new Promise<Uint8Array | undefined>((resolve) => {
        const timer = setTimeout(giveUp, timeoutMs);
        pending.set(id, (bytes) => {
          clearTimeout(timer);
          resolve(bytes);
        });
        try {
          running.postMessage([id, json]);
        } catch {
          giveUp();
        }
      }).then((bytes) => bytes ?? fallback(json));
    },
  };
}
