import { gunzipSync } from 'node:zlib';
import type { Db } from '../../../../server/src/db/database';

/** An rrweb event as stored. */
export interface StoredEvent {
  type: number;
  timestamp: number;
  data: Record<string, unknown> & { source?: number; tag?: string; payload?: Record<string, unknown>; text?: string };
}

/** One chunk: the batch document exactly as the widget sent it, decompressed. */
export interface StoredChunk {
  sessionId: string;
  seq: number;
  /** The decompressed body as text (privacy checks search it). */
  text: string;
  batch: {
    events: StoredEvent[];
    page?: { url: string; referrer?: string; width: number; height: number };
    visitorId?: string;
    pagehide?: true;
    dropped?: number;
  };
}

export const EVENT_TYPE = { FullSnapshot: 2, IncrementalSnapshot: 3, Meta: 4, Custom: 5 } as const;
export const INPUT_SOURCE = 5;
export const MUTATION_SOURCE = 0;

export async function readSessions(db: Db) {
  return db.selectFrom('sessions').selectAll().orderBy('started_at').execute();
}

/** Every stored chunk (of one session, or all), in session and sequence order, decompressed and parsed. */
export async function readChunks(db: Db, sessionId?: string): Promise<StoredChunk[]> {
  let query = db.selectFrom('chunks').select(['session_id', 'seq', 'data']).orderBy('session_id').orderBy('seq');
  if (sessionId) query = query.where('session_id', '=', sessionId);
  const rows = await query.execute();
  return rows.map((row) => {
    const text = gunzipSync(row.data).toString('utf8');
    return { sessionId: row.session_id, seq: row.seq, text, batch: JSON.parse(text) as StoredChunk['batch'] };
  });
}

export const eventsOf = (chunks: StoredChunk[]): StoredEvent[] => chunks.flatMap((chunk) => chunk.batch.events);

/** Texts of the chat messages recorded as custom events. */
export const recordedMessages = (events: StoredEvent[]): string[] =>
  events
    .filter((e) => e.type === EVENT_TYPE.Custom && e.data.tag === 'hindsight.message')
    .map((e) => String(e.data.payload?.text));

/** Values typed into fields, as rrweb's input events carry them (the whole value after each keystroke). */
export const recordedInputValues = (events: StoredEvent[]): string[] =>
  events
    .filter((e) => e.type === EVENT_TYPE.IncrementalSnapshot && e.data.source === INPUT_SOURCE)
    .map((e) => String(e.data.text));

/** One node of an rrweb full snapshot, as serialized, and whether it sits inside `<head>`. */
export interface SnapshotNode {
  type: number;
  tagName?: string;
  textContent?: string;
  attributes?: Record<string, unknown>;
  childNodes?: SnapshotNode[];
  inHead: boolean;
}

/** Every node of an rrweb snapshot tree (a FullSnapshot's `data.node`), in document order. */
export function snapshotNodes(node: unknown, inHead = false): SnapshotNode[] {
  const own = node as Omit<SnapshotNode, 'inHead'>;
  const childrenInHead = inHead || own.tagName === 'head';
  return [{ ...own, inHead }, ...(own.childNodes ?? []).flatMap((child) => snapshotNodes(child, childrenInHead))];
}

/** An event's identity: the same event sent twice has the same (type, timestamp, data). */
export const eventKey = (event: StoredEvent): string => JSON.stringify([event.type, event.timestamp, event.data]);

/** Keys that occur more than once. */
export function duplicates(events: StoredEvent[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const key of events.map(eventKey)) (seen.has(key) ? twice : seen).add(key);
  return [...twice];
}

/**
 * Sessions and chunks read from one snapshot of the database (repeatable read), so counters can be compared
 * with the chunks even while the page keeps sending.
 */
export async function readStored(
  db: Db,
): Promise<{ sessions: Awaited<ReturnType<typeof readSessions>>; chunks: StoredChunk[] }> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => ({ sessions: await readSessions(trx), chunks: await readChunks(trx) }));
}
