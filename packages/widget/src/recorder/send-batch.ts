import { INGEST_BATCH_PATH } from '@hindsight/shared';
import type { Host } from '../loader/host';

/** A compressed batch, ready to send and to retry: it keeps its session and sequence number for life. */
export interface OutgoingBatch {
  sessionId: string;
  seq: number;
  body: Uint8Array;
  eventCount: number;
}

/**
 * What became of a send. `network`, `rate_limit` and 5xx `http` are retried; `session_ended` starts a new
 * session; any other `http` (a 4xx retrying cannot fix) drops the batch.
 */
export type SendResult =
  | { kind: 'ok' }
  | { kind: 'network' }
  | { kind: 'rate_limit'; retryAfterMs: number }
  | { kind: 'session_ended' }
  | { kind: 'http'; status: number; retry: boolean; retryAfterMs: number };

/** Chrome, Safari and Firefox cap all keepalive/beacon bodies in flight from a page at 64 KiB. */
export const KEEPALIVE_LIMIT_BYTES = 60_000;

export function batchUrl(endpoint: string, appKey: string, batch: Pick<OutgoingBatch, 'sessionId' | 'seq'>): string {
  return `${endpoint}${INGEST_BATCH_PATH}?key=${encodeURIComponent(appKey)}&session=${batch.sessionId}&seq=${batch.seq}`;
}

export function sendBatch(host: Host, url: string, batch: OutgoingBatch): Promise<SendResult> {
  if (!host.fetch) return Promise.resolve(host.sendBeacon(url, batch.body) ? { kind: 'ok' } : { kind: 'network' });
  return postBatch(host.fetch, url, batch.body, batch.body.byteLength <= KEEPALIVE_LIMIT_BYTES);
}

/**
 * POSTs a batch's body and says what became of it. It names nothing outside its own body but the runtime's
 * globals, because the recorder's worker runs it too, from its source text (compress.ts): there the request
 * costs the page's main thread nothing, and a page's own fetch wrappers never see it.
 */
export async function postBatch(
  fetchBatch: typeof fetch,
  url: string,
  body: Uint8Array,
  keepalive: boolean,
): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetchBatch(url, {
      method: 'POST',
      body: body as BodyInit,
      // text/plain keeps this a CORS "simple" request: no preflight round trip.
      headers: { 'Content-Type': 'text/plain' },
      credentials: 'omit',
      keepalive,
    });
  } catch {
    return { kind: 'network' };
  }
  if (response.ok) return { kind: 'ok' };
  const retryAfterMs = (Number(response.headers.get('Retry-After')) || 0) * 1_000;
  if (response.status === 429) return { kind: 'rate_limit', retryAfterMs };
  if (response.status === 409) {
    let code: unknown;
    try {
      code = ((await response.json()) as { error: { code: unknown } }).error.code;
    } catch {
      // not our error document
    }
    if (code === 'session_ended') return { kind: 'session_ended' };
  }
  return { kind: 'http', status: response.status, retry: response.status >= 500, retryAfterMs };
}

/** Last-chance send while the page unloads: a beacon, else a keepalive fetch. Fire and forget. */
export function sendOnUnload(host: Host, url: string, batch: OutgoingBatch): boolean {
  if (host.sendBeacon(url, batch.body)) return true;
  if (!host.fetch) return false;
  void postBatch(host.fetch, url, batch.body, true);
  return true;
}
