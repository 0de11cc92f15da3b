import type { Host } from '../loader/host';
import type { OutgoingBatch } from './send-batch';

/** A batch that unload had no time to compress: its JSON, compressed by the next page. */
export interface RawBatch {
  sessionId: string;
  seq: number;
  eventCount: number;
  json: string;
}

interface StashedBatch {
  s: string;
  q: number;
  n: number;
  /** base64 gzip body, or */
  b?: string;
  /** the raw JSON */
  j?: string;
}

/**
 * Batches the server had not acknowledged when a page unloaded, kept in sessionStorage for the next page of
 * the session to send. Re-sending is safe: the server answers a batch it already has as a duplicate.
 */
export function createPendingStash(host: Host, appKey: string) {
  const key = `hindsight:${appKey}:pending`;
  return {
    save(batches: OutgoingBatch[], raw: RawBatch[] = []): void {
      if (batches.length + raw.length === 0) {
        host.tabStorage.remove(key);
        return;
      }
      const stashed: StashedBatch[] = [
        ...batches.map((batch) => ({ s: batch.sessionId, q: batch.seq, n: batch.eventCount, b: toBase64(batch.body) })),
        ...raw.map((batch) => ({ s: batch.sessionId, q: batch.seq, n: batch.eventCount, j: batch.json })),
      ];
      // sessionStorage holds ~5 MB of UTF-16: if it refuses, keep the oldest batches that fit.
      while (stashed.length > 0 && !host.tabStorage.set(key, JSON.stringify(stashed))) stashed.pop();
    },
    /** Takes the stashed batches (the stash is emptied: whatever is still pending at unload is stashed again). */
    take(): { batches: OutgoingBatch[]; raw: RawBatch[] } {
      const text = host.tabStorage.get(key);
      host.tabStorage.remove(key);
      const taken = { batches: [] as OutgoingBatch[], raw: [] as RawBatch[] };
      try {
        for (const s of JSON.parse(text ?? '[]') as StashedBatch[]) {
          const ids = { sessionId: s.s, seq: s.q, eventCount: s.n };
          if (s.b !== undefined) taken.batches.push({ ...ids, body: fromBase64(s.b) });
          else if (s.j !== undefined) taken.raw.push({ ...ids, json: s.j });
        }
      } catch {
        // an unreadable stash is dropped
      }
      return taken;
    },
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
