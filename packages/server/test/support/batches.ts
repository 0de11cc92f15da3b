import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { IngestBatch, WireEvent } from '@hindsight/shared';

/** A fresh client-style session id (the widget makes these). */
export function newSessionId(): string {
  return randomBytes(16).toString('base64url');
}

/** rrweb-shaped events: a Meta and a FullSnapshot when `full`, then `count` incremental events. */
export function makeEvents(count: number, options: { full?: boolean; start?: number } = {}): WireEvent[] {
  const start = options.start ?? 1_763_770_000_000;
  const events: WireEvent[] = [];
  if (options.full) {
    events.push({ type: 4, timestamp: start, data: { href: 'https://shop.example/', width: 1280, height: 720 } });
    events.push({
      type: 2,
      timestamp: start + 1,
      data: { node: { type: 0, childNodes: [], id: 1 }, initialOffset: { top: 0, left: 0 } },
    });
  }
  for (let i = 0; i < count; i++) {
    events.push({
      type: 3,
      timestamp: start + 10 + i * 100,
      data: { source: 1, positions: [{ x: i, y: i, id: 1, timeOffset: 0 }] },
    });
  }
  return events;
}

/** gzip(JSON) of anything: the body format of a batch. */
export function gzipJson(value: unknown): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(value)));
}

export function batchBody(batch: Partial<IngestBatch> = {}): Buffer {
  return gzipJson({ events: makeEvents(3), ...batch });
}
