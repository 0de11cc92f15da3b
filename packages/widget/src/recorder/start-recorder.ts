import { RRWEB_EVENT_TYPE } from '@hindsight/shared';
import { record } from '@rrweb/record';
import type { Recorder, RecorderContext } from '../loader/contracts';
import { createBatchQueue } from './batch-queue';
import { createCompressor } from './compress';
import { batchJson, createEventBuffer } from './event-buffer';
import { createPendingStash, type RawBatch } from './pending-stash';
import { privacyOptions } from './privacy';
import { batchUrl, KEEPALIVE_LIMIT_BYTES, type OutgoingBatch, sendBatch, sendOnUnload } from './send-batch';

export const FLUSH_INTERVAL_MS = 5_000;
/** How often the recording takes a new full snapshot (Sentry's replay uses the same 5 minutes). */
const CHECKOUT_INTERVAL_MS = 5 * 60_000;
/** How long stopping waits for queued batches to reach the server (ending the chat waits for this). */
export const STOP_DRAIN_TIMEOUT_MS = 5_000;
/**
 * At unload, batches up to this much JSON in all are wrapped in a stored (uncompressed) gzip at once and sent
 * with beacons: a copy and a CRC, under the 60 KB keepalive limit. Bigger leftovers (a full snapshot still in
 * the worker) are kept raw in sessionStorage for the next page to compress (a string written there as is).
 */
export const UNLOAD_COMPRESS_BUDGET_CHARS = 48_000;
/** Raw JSON size at which a batch is sent without waiting for the interval. */
export const FLUSH_AT_BYTES = 500_000;

interface BuiltBatch {
  sessionId: string;
  seq: number;
  events: string[];
  meta: { visitorId: string; page?: object; pagehide?: true; dropped?: number };
  /** Stored gzip made at unload, for the beacon. */
  body?: Uint8Array;
  /** The batch document, built once (what the worker compresses, and what unload stashes as is). */
  json?: string;
}

/**
 * Records the page with rrweb and ships it: events are buffered, cut into batches every 5 s (or at 500 KB, or
 * right after a full snapshot), compressed and uploaded by the compression worker where the page allows one (else
 * from the main thread), in order, with retries. On pagehide what is left is sent with beacons where it fits (stored gzip) and kept for the next page.
 */
export function startRecorder(ctx: RecorderContext): Recorder {
  const { host } = ctx;
  const compressor = createCompressor();
  const buffer = createEventBuffer();
  const stash = createPendingStash(host, ctx.appKey);
  const compressing = new Set<BuiltBatch>();
  let chain: Promise<void> = Promise.resolve();
  let dropped = 0;
  let pageMetaPending = true;
  let stopped = false;
  /** pagehide ran: until a pageshow brings the page back, nothing more is flushed (it could not finish). */
  let leaving = false;

  const url = (batch: Pick<OutgoingBatch, 'sessionId' | 'seq'>) => batchUrl(ctx.endpoint, ctx.appKey, batch);
  const serialize = (batch: BuiltBatch): string => {
    batch.json ??= batchJson(batch.events, host.stringify(batch.meta));
    return batch.json;
  };
  // A failed step must not stop the chain (every later batch waits on it).
  const then = (step: () => Promise<void>) => {
    chain = chain.then(step).catch(() => undefined);
    return chain;
  };
  const rawOf = (batch: BuiltBatch): RawBatch => ({
    sessionId: batch.sessionId,
    seq: batch.seq,
    eventCount: batch.events.length,
    json: serialize(batch),
  });
  const outgoing = (batch: BuiltBatch, body: Uint8Array): OutgoingBatch => ({
    sessionId: batch.sessionId,
    seq: batch.seq,
    eventCount: batch.events.length,
    body,
  });

  /** The batch the worker is uploading: unlike a keepalive fetch, it dies with the page. */
  let uploading: OutgoingBatch | undefined;
  const queue = createBatchQueue({
    send(batch) {
      const upload = compressor.upload(url(batch), batch.body);
      if (!upload) return sendBatch(host, url(batch), batch);
      uploading = batch;
      return upload.finally(() => {
        if (uploading === batch) uploading = undefined;
      });
    },
    survivesUnload: (batch) => batch !== uploading && batch.body.byteLength <= KEEPALIVE_LIMIT_BYTES,
    sendOnUnload: (batch) => sendOnUnload(host, url(batch), batch),
    onSessionEnded(sessionId) {
      if (stopped || ctx.sessions.current()?.id !== sessionId) return;
      // The server closed this session (idle, left, max duration): carry on in a new one that starts,
      // like every session, with page metadata and a full snapshot.
      const renewed = ctx.sessions.renew();
      buffer.drain();
      pageMetaPending = true;
      takeFullSnapshot();
      ctx.emit('session', { id: renewed.id });
    },
    onDropped(eventCount, reason) {
      dropped += eventCount;
      ctx.emit('error', { kind: 'dropped', message: `${eventCount} recorded events dropped (${reason})` });
    },
    onOverflow: () => takeFullSnapshot(),
  });
  const resumeStashed = () => {
    const taken = stash.take();
    dropped += taken.dropped;
    for (const batch of taken.batches) queue.push(batch);
    for (const batch of taken.raw) {
      void then(async () => queue.push({ ...batch, body: await compressor.compress(batch.json) }));
    }
  };
  resumeStashed();

  function build(pagehide = false): BuiltBatch | undefined {
    if (buffer.count === 0) return undefined;
    const events = buffer.drain();
    const { sessionId, seq } = ctx.sessions.reserveSeq();
    const meta: BuiltBatch['meta'] = { visitorId: ctx.visitorId() };
    if (pageMetaPending) {
      const { location, document, window } = host;
      meta.page = {
        url: location.href,
        referrer: document.referrer,
        width: window.innerWidth,
        height: window.innerHeight,
      };
      pageMetaPending = false;
    }
    if (pagehide) meta.pagehide = true;
    if (dropped > 0) meta.dropped = dropped;
    dropped = 0;
    return { sessionId, seq, events, meta };
  }

  function flush(): Promise<void> {
    const batch = build();
    if (!batch) return chain;
    // Built now, so that unload finds it ready (to stash as is) even while it waits for the worker.
    serialize(batch);
    compressing.add(batch);
    return then(async () => {
      const body = await compressor.compress(serialize(batch));
      // Unload may have stashed this batch in the meantime.
      if (compressing.delete(batch)) queue.push(outgoing(batch, body));
    });
  }

  /** Synchronous gzip (stored) for unload, split so every part fits a keepalive request. */
  function compressNow(batch: BuiltBatch): BuiltBatch[] {
    const body = compressor.store(serialize(batch));
    if (body.byteLength <= KEEPALIVE_LIMIT_BYTES || batch.events.length < 2) return [{ ...batch, body }];
    const half = batch.events.length >> 1;
    const { pagehide, ...firstMeta } = batch.meta;
    const first = { ...batch, events: batch.events.slice(0, half), meta: firstMeta, json: undefined };
    const next = ctx.sessions.reserveSeq();
    const second = { ...next, events: batch.events.slice(half), meta: { visitorId: batch.meta.visitorId, pagehide } };
    return [...compressNow(first), ...compressNow(second as BuiltBatch)];
  }

  function onPageHide(): void {
    leaving = true;
    safely(() => {
      record.addCustomEvent('hindsight.pagehide', {}); // so the last batch always exists and says pagehide
      const last = build(true);
      const leftovers = [...compressing, ...(last ? [last] : [])];
      compressing.clear();
      let budget = UNLOAD_COMPRESS_BUDGET_CHARS;
      const raw: RawBatch[] = [];
      const beaconed: BuiltBatch[] = [];
      for (const batch of leftovers) {
        const json = serialize(batch);
        if (json.length > budget) {
          raw.push(rawOf(batch));
          continue;
        }
        budget -= json.length;
        const parts = compressNow(batch);
        for (const part of parts) queue.push(outgoing(part, part.body as Uint8Array), false);
        // The next page gets them as JSON: it compresses them for real (stored gzip is ~10x bigger), and
        // writing the JSON costs less than base64 of the stored gzip.
        beaconed.push(...parts);
      }
      queue.sendOnUnload();
      const isBeaconed = (b: OutgoingBatch) =>
        beaconed.some((part) => part.seq === b.seq && part.sessionId === b.sessionId);
      stash.save(
        queue.pending().filter((b) => !isBeaconed(b)),
        [...raw, ...beaconed.map(rawOf)],
      );
    });
  }
  // Back from the back/forward cache: this page lives on, so it takes back what it left for the next one.
  const onPageShow = (event: PageTransitionEvent) => {
    leaving = false;
    if (event.persisted) safely(resumeStashed);
  };
  // Hidden without leaving (another tab, the app in the background): send what there is now. After pagehide
  // (Chromium fires visibilitychange after it), a flush would reserve a sequence number for a batch that dies
  // in the worker with the page: a gap. Events the page emits while it unloads stay in the buffer instead (sent
  // if the page comes back from the back/forward cache).
  const onVisibilityChange = () => {
    if (host.document.visibilityState === 'hidden' && !leaving) void flush();
  };

  function takeFullSnapshot(): void {
    safely(() => record.takeFullSnapshot(true));
  }

  const stopRecording = record({
    emit(event) {
      buffer.add(host.stringify(event));
      if (event.type === RRWEB_EVENT_TYPE.FullSnapshot || buffer.bytes >= FLUSH_AT_BYTES) void flush();
    },
    ...privacyOptions(ctx.maskAllInputs),
    // What a replay never uses is not serialized, stored or sent: scripts (a replay runs none), comments, and
    // the head's whitespace, favicons and meta tags (Sentry's replay records the same way).
    slimDOMOptions: 'all',
    // A fresh full snapshot every few minutes bounds what a replay must apply to seek: rrweb's replayer starts
    // from the last snapshot before the target (a long single-page visit would otherwise replay from its start).
    checkoutEveryNms: CHECKOUT_INTERVAL_MS,
    // rrweb's observers must never throw into the page.
    errorHandler: (error: unknown) => {
      ctx.emit('error', { kind: 'recorder', message: String(error) });
      return true;
    },
  });
  const timer = setInterval(() => void flush(), FLUSH_INTERVAL_MS);
  host.window.addEventListener('pagehide', onPageHide);
  host.window.addEventListener('pageshow', onPageShow);
  host.document.addEventListener('visibilitychange', onVisibilityChange);

  return {
    addCustomEvent: (tag, payload) => safely(() => record.addCustomEvent(tag, payload)),
    flush,
    async stop() {
      stopped = true;
      safely(() => stopRecording?.());
      await flush();
      await queue.drained(STOP_DRAIN_TIMEOUT_MS);
      clearInterval(timer);
      host.window.removeEventListener('pagehide', onPageHide);
      host.window.removeEventListener('pageshow', onPageShow);
      host.document.removeEventListener('visibilitychange', onVisibilityChange);
      stash.save(queue.pending());
    },
  };
}

function safely(work: () => void): void {
  try {
    work();
  } catch {
    // The recorder never throws into the page; a failed step is retried by the next flush.
  }
}
