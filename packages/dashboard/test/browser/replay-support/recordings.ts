import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { RecordedMessage, SessionDetailResponse } from '@hindsight/shared';

/** Real rrweb batches recorded in Chromium (bench/fixtures), one page visit per name. */
export const FIXTURES_DIR = new URL('../../../../../bench/fixtures/', import.meta.url);
export type FixturePage = 'products' | 'docs' | 'signup' | 'dashboard';

export interface RecordedEvent {
  type: number;
  timestamp: number;
  data: any;
}
export interface Batch {
  events: RecordedEvent[];
  page?: { url: string; referrer: string; width: number; height: number };
  [key: string]: unknown;
}

/** A recording as the server stores it: batches in sequence order, plus what the detail route answers. */
export interface Recording {
  id: string;
  batches: Batch[];
  messages: RecordedMessage[];
  status?: 'active' | 'completed';
  landingUrl?: string;
}

interface IndexEntry {
  file: string;
  page: string;
  seq: number;
}

/** The batches of one recorded page visit, parsed (fresh objects on every call). */
export function fixtureVisit(page: FixturePage): Batch[] {
  const index = JSON.parse(readFileSync(new URL('index.json', FIXTURES_DIR), 'utf8')) as { batches: IndexEntry[] };
  return index.batches
    .filter((entry) => entry.page === page)
    .sort((a, b) => a.seq - b.seq)
    .map((entry) => JSON.parse(gunzipSync(readFileSync(new URL(entry.file, FIXTURES_DIR))).toString('utf8')) as Batch);
}

/** A chat message as the widget records it: a custom event, tag `hindsight.message`. */
export const messageEvent = (timestamp: number, role: string, text: string): RecordedEvent => ({
  type: 5,
  timestamp,
  data: { tag: 'hindsight.message', payload: { role, text } },
});

/** Inserts events into the batch whose time range holds them (keeping each batch sorted). */
export function insertEvents(batches: Batch[], extra: RecordedEvent[]): void {
  for (const event of extra) {
    const batch =
      batches.find((b) => b.events.length > 0 && b.events.at(-1)!.timestamp >= event.timestamp) ?? batches.at(-1)!;
    batch.events.push(event);
    batch.events.sort((a, b) => a.timestamp - b.timestamp);
  }
}

const allEvents = (recording: Recording) => recording.batches.flatMap((batch) => batch.events);

/** `GET /api/sessions/:id` for a recording. */
export function sessionDetail(recording: Recording, gzipped: Buffer[]): SessionDetailResponse {
  const events = allEvents(recording);
  const first = events.length ? Math.min(...events.map((e) => e.timestamp)) : null;
  const last = events.length ? Math.max(...events.map((e) => e.timestamp)) : null;
  const replayable = events.some((event) => event.type === 2);
  const raw = recording.batches.map((batch) => Buffer.byteLength(JSON.stringify(batch)));
  const status = recording.status ?? 'completed';
  return {
    session: {
      id: recording.id,
      appId: 'app_test',
      status,
      endReason: status === 'completed' ? 'chat_ended' : null,
      landingUrl: recording.landingUrl ?? recording.batches.find((b) => b.page)?.page?.url ?? null,
      startedAt: new Date(first ?? 0).toISOString(),
      endedAt: status === 'completed' ? new Date(last ?? 0).toISOString() : null,
      lastActivityAt: new Date(last ?? 0).toISOString(),
      durationMs: first !== null && last !== null ? last - first : 0,
      eventCount: events.length,
      pageCount: recording.batches.filter((b) => b.page).length,
      replayable,
      visitorId: 'visitor_1',
      browser: 'Chrome 140',
      os: 'Linux',
      device: 'desktop',
      referrer: null,
      userAgent: 'Mozilla/5.0',
      viewportWidth: 1366,
      viewportHeight: 768,
      firstTimestamp: first,
      lastTimestamp: last,
      compressedBytes: gzipped.reduce((n, b) => n + b.byteLength, 0),
      rawBytes: raw.reduce((n, b) => n + b, 0),
      droppedEvents: 0,
    },
    app: { id: 'app_test', name: 'Test shop' },
    chunks: recording.batches.map((batch, seq) => ({
      seq,
      firstTimestamp: batch.events[0]?.timestamp ?? 0,
      lastTimestamp: batch.events.at(-1)?.timestamp ?? 0,
      eventCount: batch.events.length,
      rawBytes: raw[seq]!,
      compressedBytes: gzipped[seq]!.byteLength,
    })),
    messages: recording.messages,
  };
}

/** Each batch gzip-compressed (level 6), as the widget sends it and the server stores it. */
export const gzipBatches = (batches: Batch[]): Buffer[] =>
  batches.map((batch) => gzipSync(JSON.stringify(batch), { level: 6 }));

/** Seconds after the first event, as an rrweb timestamp. */
export const at = (batches: Batch[], seconds: number) => batches[0]!.events[0]!.timestamp + seconds * 1000;

/** The products page visit with a short conversation (what most tests replay). */
export function conversationRecording(id = 'sess_conversation_000001'): Recording {
  const batches = [...fixtureVisit('products'), ...fixtureVisit('docs')];
  const messages: RecordedMessage[] = [
    { role: 'visitor', text: 'Hi, does the blue mug come in a larger size?', timestamp: at(batches, 3.2) },
    { role: 'assistant', text: 'Yes: 350 ml and 500 ml.', timestamp: at(batches, 9.6) },
    { role: 'visitor', text: 'Great, thanks. Where is the documentation?', timestamp: at(batches, 21.4) },
  ];
  insertEvents(
    batches,
    messages.map((m) => messageEvent(m.timestamp, m.role, m.text)),
  );
  return { id, batches, messages };
}

/** Script and javascript: payloads in every string a recording carries: URLs, page title, messages. */
export const HOSTILE = {
  script: '<script>window.__hindsightPwned = "script"</script>',
  img: '<img src=x onerror="window.__hindsightPwned = \'img\'">',
  url: 'javascript:window.__hindsightPwned="url"',
  title: '<script>window.__hindsightPwned="title"</script>Hostile title',
};

/** A recording whose URL, title and messages carry hostile payloads. */
export function hostileRecording(id = 'sess_hostile_00000000001'): Recording {
  const batches = fixtureVisit('signup');
  const meta = batches[0]!.events.find((event) => event.type === 4)!;
  meta.data.href = HOSTILE.url;
  batches[0]!.page!.url = HOSTILE.url;
  const snapshot = batches[0]!.events.find((event) => event.type === 2)!;
  setTitle(snapshot.data.node, HOSTILE.title);
  const messages: RecordedMessage[] = [
    { role: 'visitor', text: HOSTILE.script, timestamp: at(batches, 2) },
    { role: 'assistant', text: HOSTILE.img, timestamp: at(batches, 4) },
    { role: 'visitor', text: HOSTILE.url, timestamp: at(batches, 6) },
  ];
  insertEvents(
    batches,
    messages.map((m) => messageEvent(m.timestamp, m.role, m.text)),
  );
  return { id, batches, messages, landingUrl: HOSTILE.url };
}

function setTitle(node: any, title: string): boolean {
  if (node.type === 2 && node.tagName === 'title') {
    node.childNodes = [{ type: 3, textContent: title, id: node.childNodes?.[0]?.id ?? 999_999 }];
    return true;
  }
  return (node.childNodes ?? []).some((child: any) => setTitle(child, title));
}

/** A session whose batches hold no full snapshot (the recorder lost it): nothing can be drawn. */
export function noSnapshotRecording(id = 'sess_nosnapshot_000000001'): Recording {
  const batches = fixtureVisit('docs').slice(1);
  return { id, batches, messages: [] };
}
