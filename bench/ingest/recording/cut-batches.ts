import { type IngestBatch, type PageMeta, RRWEB_EVENT_TYPE, type WireEvent } from '@hindsight/shared';

/** The widget's flush rules: every 5 s, at 500 KB of raw JSON, and right after a full snapshot. */
export const FLUSH_INTERVAL_MS = 5_000;
export const FLUSH_RAW_BYTES = 500_000;

/**
 * Cuts one page's events into the batches the widget would send: the first carries the page metadata and
 * the visitor id, the last is the pagehide flush. Flush times follow the events' own timestamps, with the
 * interval timer started when recording started (the first event).
 */
export function cutBatches(events: readonly WireEvent[], page: PageMeta, visitorId: string): IngestBatch[] {
  const batches: IngestBatch[] = [];
  let buffer: WireEvent[] = [];
  let bufferBytes = 0;
  const flush = () => {
    if (buffer.length === 0) return;
    batches.push(batches.length === 0 ? { events: buffer, page, visitorId } : { events: buffer });
    buffer = [];
    bufferBytes = 0;
  };

  let nextTick = (events[0]?.timestamp ?? 0) + FLUSH_INTERVAL_MS;
  for (const event of events) {
    while (event.timestamp >= nextTick) {
      flush();
      nextTick += FLUSH_INTERVAL_MS;
    }
    buffer.push(event);
    bufferBytes += Buffer.byteLength(JSON.stringify(event));
    if (event.type === RRWEB_EVENT_TYPE.FullSnapshot || bufferBytes >= FLUSH_RAW_BYTES) flush();
  }
  flush();
  const last = batches.at(-1);
  if (last) last.pagehide = true;
  return batches;
}
