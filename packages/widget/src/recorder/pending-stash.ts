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
 * What unload may write to sessionStorage in all (UTF-16 characters: base64 of compressed batches plus raw JSON),
 * well inside the ~5 M characters an origin shares with its page.
 */
export const MAX_STASH_CHARS = 1_500_000;

/**
 * Raw JSON is written in pieces of at most this many characters. Writing is the cost at unload, and it is not
 * linear: Chromium took 12-39 ms to store the 1.3 M-character full snapshot of a 12,000-element page as one
 * value, and 2-10 ms in pieces of 32-65 K characters (measured with this machine's Chromium 156).
 */
export const STASH_PIECE_CHARS = 32_768;
const MAX_PIECES = Math.ceil(MAX_STASH_CHARS / STASH_PIECE_CHARS);

interface StashedBatch {
  s: string;
  q: number;
  n: number;
  /** base64 gzip body, or */
  b?: string;
  /** the raw JSON, stored as is (no JSON-in-JSON escaping) in this many pieces, under `<key>:<s>:<q>:<piece>` */
  p?: number;
  /** the raw JSON in one piece under `<key>:<s>:<q>` (stashes written by earlier versions) */
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
  const removePieces = (prefix: string, pieces: number) => {
    for (let i = 0; i < pieces; i++) storage.remove(`${prefix}:${i}`);
  };
  /** Writes every piece, or (storage full) none. */
  const writePieces = (prefix: string, json: string, pieces: number): boolean => {
    for (let i = 0; i < pieces; i++) {
      if (!storage.set(`${prefix}:${i}`, json.slice(i * STASH_PIECE_CHARS, (i + 1) * STASH_PIECE_CHARS))) {
        removePieces(prefix, i + 1);
        return false;
      }
    }
    return true;
  };
  /** Reads and removes the pieces; undefined if one is missing. */
  const readPieces = (prefix: string, pieces: number): string | undefined => {
    let json: string | undefined = '';
    for (let i = 0; i < pieces; i++) {
      const piece = storage.get(`${prefix}:${i}`);
      json = piece === null || json === undefined ? undefined : json + piece;
    }
    removePieces(prefix, pieces);
    return json;
  };
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
        const pieces = Math.max(1, Math.ceil(batch.json.length / STASH_PIECE_CHARS));
        if (batch.json.length <= room && writePieces(rawKey(batch), batch.json, pieces)) {
          room -= batch.json.length;
          stash.batches.push({ s: batch.sessionId, q: batch.seq, n: batch.eventCount, p: pieces });
        } else stash.dropped += batch.eventCount;
      }
      if (stash.batches.length === 0 && stash.dropped === 0) storage.remove(key);
      else if (!storage.set(key, JSON.stringify(stash))) {
        // Full storage: keep at least the count of what is lost.
        for (const s of stash.batches) removePieces(rawKey({ sessionId: s.s, seq: s.q }), s.p ?? 0);
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
          const json = s.p
            ? readPieces(rawKey(ids), Math.min(Number(s.p), MAX_PIECES))
            : s.r
              ? storage.get(rawKey(ids))
              : s.j;
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
