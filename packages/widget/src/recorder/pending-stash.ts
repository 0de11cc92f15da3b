import type { Host } from '../loader/host';
import type { OutgoingBatch } from './send-batch';

/** A batch that unload had no time to compress: its JSON, compressed by the next page. */
export interface RawBatch {
  sessionId: string;
  seq: number;
  eventCount: number;
  json: string;
}

/**
 * What unload may write to sessionStorage in all (UTF-16 characters: base64 of compressed batches plus raw JSON).
 * Writing is the cost: Chromium takes ~12-30 ms for 1.4 M characters (the full snapshot of a 12,000-element
 * page), so this keeps pagehide bounded, and well inside the ~5 M characters an origin shares with its page.
 */
export const MAX_STASH_CHARS = 1_500_000;

interface StashedBatch {
  s: string;
  q: number;
  n: number;
  /** base64 gzip body, or */
  b?: string;
  /** the raw JSON, stored as is under its own key (`<key>:<s>:<q>`): no JSON-in-JSON escaping */
  r?: 1;
  /** the raw JSON inline (stashes written by earlier versions) */
  j?: string;
}

interface Stash {
  batches: StashedBatch[];
  /** Events that did not fit: the next batch reports them as dropped. */
  dropped: number;
}

/**
 * Batches the server had not acknowledged when a page unloaded, kept in sessionStorage for the next page of
 * the session to send. Re-sending is safe: the server answers a batch it already has as a duplicate.
 */
export function createPendingStash(host: Host, appKey: string, maxChars = MAX_STASH_CHARS) {
  const key = `hindsight:${appKey}:pending`;
  const storage = host.tabStorage;
  const rawKey = (batch: { sessionId: string; seq: number }) => `${key}:${batch.sessionId}:${batch.seq}`;
  return {
    save(batches: OutgoingBatch[], raw: RawBatch[] = []): void {
      const stash: Stash = { batches: [], dropped: 0 };
      let room = maxChars;
      for (const batch of batches) {
        const b = room >= batch.body.byteLength * 1.34 ? toBase64(batch.body) : '';
        if (b && b.length <= room) {
          room -= b.length;
          stash.batches.push({ s: batch.sessionId, q: batch.seq, n: batch.eventCount, b });
        } else stash.dropped += batch.eventCount;
      }
      for (const batch of raw) {
        if (batch.json.length <= room && storage.set(rawKey(batch), batch.json)) {
          room -= batch.json.length;
          stash.batches.push({ s: batch.sessionId, q: batch.seq, n: batch.eventCount, r: 1 });
        } else {
          storage.remove(rawKey(batch));
          stash.dropped += batch.eventCount;
        }
      }
      if (stash.batches.length === 0 && stash.dropped === 0) storage.remove(key);
      else if (!storage.set(key, JSON.stringify(stash))) {
        // Full storage: keep at least the count of what is lost.
        for (const s of stash.batches) if (s.r) storage.remove(rawKey({ sessionId: s.s, seq: s.q }));
        storage.set(key, JSON.stringify({ batches: [], dropped: count(batches) + count(raw) }));
      }
    },
    /** Takes the stashed batches (the stash is emptied: whatever is still pending at unload is stashed again). */
    take(): { batches: OutgoingBatch[]; raw: RawBatch[]; dropped: number } {
      const text = storage.get(key);
      storage.remove(key);
      const taken = { batches: [] as OutgoingBatch[], raw: [] as RawBatch[], dropped: 0 };
      try {
        const parsed = JSON.parse(text ?? '[]') as Stash | StashedBatch[];
        const stash: Stash = Array.isArray(parsed) ? { batches: parsed, dropped: 0 } : parsed;
        taken.dropped = Number(stash.dropped) || 0;
        for (const s of stash.batches) {
          const ids = { sessionId: s.s, seq: s.q, eventCount: s.n };
          const json = s.r ? storage.get(rawKey(ids)) : s.j;
          if (s.r) storage.remove(rawKey(ids));
          if (s.b !== undefined) taken.batches.push({ ...ids, body: fromBase64(s.b) });
          else if (typeof json === 'string') taken.raw.push({ ...ids, json });
          else taken.dropped += s.n;
        }
      } catch {
        // an unreadable stash is dropped
      }
      return taken;
    },
  };
}

const count = (batches: { eventCount: number }[]) => batches.reduce((sum, batch) => sum + batch.eventCount, 0);

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
