import { type GzipSync, gzipCore } from './gzip-core';
import { postBatch, type SendResult } from './send-batch';
import { storedGzip } from './stored-gzip';

/** How long the worker may take over one batch before the main thread compresses it instead. */
export const WORKER_TIMEOUT_MS = 3_000;
/** How long an upload from the worker may take before the queue counts it as a network failure (and retries). */
export const UPLOAD_TIMEOUT_MS = 60_000;
const LEVEL = 6;

/**
 * What the worker is asked: `[id, json]` compress this batch's JSON (answered with its gzip, or undefined), or
 * `[id, url, body]` POST this compressed batch (answered with what became of it).
 */
export type WorkerRequest = [number, string] | [number, string, Uint8Array];
export type WorkerAnswer = [number, Uint8Array | SendResult | undefined];

/** The parts of a Worker the compressor uses (tests hand in a fake). */
export interface CompressionWorker {
  postMessage(message: WorkerRequest): void;
  onmessage: ((event: { data: WorkerAnswer }) => void) | null;
  onerror: (() => void) | null;
  terminate(): void;
}

export interface CompressorOptions {
  /** Starts the compression worker; omitted: a blob: worker where the page has `Worker`, else none. */
  createWorker?: (() => CompressionWorker) | null;
  timeoutMs?: number;
  uploadTimeoutMs?: number;
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
 * The worker's script: fflate's gzip and the batch upload (the very functions the main thread uses, from their
 * source text), and a handler that either encodes a batch's JSON and compresses it, handing the bytes back
 * (transferred, not copied), or POSTs a compressed batch and answers what became of it.
 */
export function workerSource(): string {
  const source = (f: unknown) => Function.prototype.toString.call(f);
  return (
    `var g=(${source(gzipCore)})(),p=(${source(postBatch)});` +
    'onmessage=function(e){var d=e.data;' +
    'if(d.length>2){p(fetch,d[1],d[2],false).then(function(r){postMessage([d[0],r])});return}' +
    `var r;try{r=g(new TextEncoder().encode(d[1]),{level:${LEVEL}})}catch(x){}` +
    'postMessage([d[0],r],r?[r.buffer]:[])}'
  );
}

function blobWorker(): CompressionWorker {
  const source = workerSource();
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
  const uploadTimeoutMs = options.uploadTimeoutMs ?? UPLOAD_TIMEOUT_MS;
  let worker: CompressionWorker | undefined;
  let broken = createWorker === null;
  /** The worker has compressed a batch: it runs (a CSP that forbids it, or a hung one, never gets here). */
  let proven = false;
  let nextId = 0;
  const pending = new Map<number, (answer: WorkerAnswer[1]) => void>();

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

  /** Posts a request to the worker; resolves with its answer, or undefined if the worker is given up on. */
  function ask(
    running: CompressionWorker,
    request: (id: number) => WorkerRequest,
    limitMs: number,
    onTimeout: () => void,
  ) {
    return new Promise<WorkerAnswer[1]>((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        onTimeout();
        resolve(undefined);
      }, limitMs);
      pending.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      try {
        running.postMessage(request(id));
      } catch {
        giveUp();
      }
    });
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
      return ask(running, (id) => [id, json], timeoutMs, giveUp).then((bytes) => {
        if (ArrayBuffer.isView(bytes)) {
          proven = true;
          return bytes;
        }
        return fallback(json);
      });
    },
    /**
     * POSTs a compressed batch from the worker, so that the request costs the page's main thread nothing.
     * Undefined where the worker has not proven to work: the caller sends it itself. A worker lost mid-way, or
     * an upload slower than UPLOAD_TIMEOUT_MS, counts as a network failure (the queue retries; the server
     * answers a batch it already has as a duplicate).
     */
    upload(url: string, body: Uint8Array): Promise<SendResult> | undefined {
      if (!proven || !worker) return undefined;
      return ask(
        worker,
        (id) => [id, url, body],
        uploadTimeoutMs,
        () => undefined,
      ).then((result) => (result && !ArrayBuffer.isView(result) ? result : { kind: 'network' }));
    },
  };
}
