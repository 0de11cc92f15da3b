import { retryDelayMs } from './retry-policy';
import { KEEPALIVE_LIMIT_BYTES, type OutgoingBatch, type SendResult } from './send-batch';

/** Compressed bytes the queue may hold while the server is unreachable; past it, the oldest data goes. */
export const MAX_QUEUED_BYTES = 4_000_000;

export interface BatchQueueOptions {
  send: (batch: OutgoingBatch) => Promise<SendResult>;
  sendOnUnload: (batch: OutgoingBatch) => boolean;
  /**
   * Whether the batch being sent still arrives if the page unloads now (a keepalive request does; one from a
   * worker dies with the page). Default: it was small enough for keepalive.
   */
  survivesUnload?: (batch: OutgoingBatch) => boolean;
  /** Called when the server says the session ended: the batches of that session are gone. */
  onSessionEnded: (sessionId: string) => void;
  /** Called when batches are given up on, with their event count (reported in the next batch). */
  onDropped: (eventCount: number, reason: string) => void;
  /** Called when the queue overflowed and dropped everything: the recorder takes a fresh full snapshot. */
  onOverflow: () => void;
  maxBytes?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
}

/**
 * Sends batches one at a time, in order, retrying what is worth retrying (network, 5xx, 429 with its
 * Retry-After) with backoff, dropping what is not (other 4xx). A batch leaves the queue only once the server
 * has it, so whatever is still queued at unload can be handed to the next page. Memory stays bounded.
 */
export function createBatchQueue(options: BatchQueueOptions) {
  const maxBytes = options.maxBytes ?? MAX_QUEUED_BYTES;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const survivesUnload = options.survivesUnload ?? ((batch) => batch.body.byteLength <= KEEPALIVE_LIMIT_BYTES);
  let batches: OutgoingBatch[] = [];
  let sending = false;
  let waiting = false;
  let attempt = 0;
  let drainWaiters: (() => void)[] = [];
  const notifyIfDrained = () => {
    if (batches.length > 0) return;
    for (const resolve of drainWaiters) resolve();
    drainWaiters = [];
  };

  const bytes = () => batches.reduce((sum, batch) => sum + batch.body.byteLength, 0);

  async function pump(): Promise<void> {
    const batch = batches[0];
    if (!batch) return notifyIfDrained();
    if (sending || waiting) return;
    sending = true;
    let result: SendResult;
    try {
      result = await options.send(batch);
    } catch {
      result = { kind: 'network' };
    }
    sending = false;
    if (batches[0] !== batch) return void pump(); // the queue was reset meanwhile

    if (result.kind === 'ok') {
      batches.shift();
      attempt = 0;
    } else if (result.kind === 'session_ended') {
      batches = batches.filter((queued) => queued.sessionId !== batch.sessionId);
      attempt = 0;
      options.onSessionEnded(batch.sessionId);
    } else if (result.kind === 'http' && !result.retry) {
      batches.shift();
      options.onDropped(batch.eventCount, `HTTP ${result.status}`);
    } else {
      waiting = true;
      const retryAfterMs = result.kind === 'network' ? 0 : result.retryAfterMs;
      setTimer(
        () => {
          waiting = false;
          void pump();
        },
        retryDelayMs(attempt++, retryAfterMs),
      );
      return;
    }
    void pump();
  }

  return {
    /** Queues a batch; `send: false` at unload, where `sendOnUnload` sends it (one request, not two). */
    push(batch: OutgoingBatch, send = true): void {
      if (batches.some((queued) => queued.sessionId === batch.sessionId && queued.seq === batch.seq)) return;
      batches.push(batch);
      if (bytes() > maxBytes) {
        // Keep memory flat during a long outage. Dropping only some batches would leave holes that make the
        // replay wrong; dropping all and starting from a new full snapshot keeps what follows replayable.
        const dropped = batches.slice(sending ? 1 : 0);
        batches = batches.slice(0, sending ? 1 : 0);
        options.onDropped(
          dropped.reduce((sum, queued) => sum + queued.eventCount, 0),
          'queue full',
        );
        options.onOverflow();
      }
      if (send) void pump();
    },
    /** Resolves once every queued batch has been sent or given up on (or after `timeoutMs`). */
    drained(timeoutMs: number): Promise<void> {
      if (batches.length === 0) return Promise.resolve();
      return new Promise((resolve) => {
        drainWaiters.push(resolve);
        setTimer(resolve, timeoutMs);
      });
    },
    /** Every batch the server has not acknowledged yet, oldest first. */
    pending: (): OutgoingBatch[] => [...batches],
    get size() {
      return batches.length;
    },
    /**
     * The page is going away: send what fits under the keepalive limit with beacons. Nothing is removed: the
     * caller stashes the whole queue for the next page, and the server answers re-sent batches as duplicates.
     */
    sendOnUnload(): void {
      let budget = KEEPALIVE_LIMIT_BYTES;
      for (const [index, batch] of batches.entries()) {
        if (batch.body.byteLength > budget) continue; // the next page sends it
        budget -= batch.body.byteLength;
        // The batch being sent went with keepalive: it arrives without a beacon.
        if (index === 0 && sending && survivesUnload(batch)) continue;
        if (!options.sendOnUnload(batch)) break;
      }
    },
  };
}

export type BatchQueue = ReturnType<typeof createBatchQueue>;
