import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const FIXTURES = fileURLToPath(new URL('../../../../../bench/fixtures/', import.meta.url));

interface FixtureIndex {
  batches: { file: string; page: string; seq: number; events: number; fullSnapshot: boolean }[];
}

export interface RecordedSession {
  sessionId: string;
  /** Events the server accepted, over every batch sent. */
  events: number;
  batches: number;
  /** The first event's rrweb timestamp (offsets into the recording count from it). */
  firstTimestamp: number;
}

/**
 * Records a session the way the widget does: POSTs the gzip batches recorded in Chromium (bench/fixtures, one
 * fixture page) to /ingest/v1/batch of the started server, in sequence, with the printed public key. Real HTTP.
 * `batches` limits how many of the page's batches are sent. The events are moved in time as a whole so that the
 * first one happens now: the fixtures were recorded once, and what the dashboard counts "in the last 24 hours"
 * must not depend on their age.
 */
export async function recordSession(options: {
  origin: string;
  appKey: string;
  sessionId: string;
  page: string;
  batches?: number;
}): Promise<RecordedSession> {
  const index = JSON.parse(await readFile(`${FIXTURES}index.json`, 'utf8')) as FixtureIndex;
  const batches = index.batches
    .filter((batch) => batch.page === options.page)
    .sort((a, b) => a.seq - b.seq)
    .slice(0, options.batches);
  if (batches.length === 0) throw new Error(`no fixture batches for page ${options.page}`);
  let events = 0;
  const firstTimestamp = Date.now();
  let shift = 0;
  for (const [seq, batch] of batches.entries()) {
    const recorded = JSON.parse(gunzipSync(await readFile(`${FIXTURES}${batch.file}`)).toString()) as {
      events: { timestamp: number }[];
    };
    if (seq === 0) shift = firstTimestamp - (recorded.events[0]?.timestamp ?? firstTimestamp);
    const retimed = {
      ...recorded,
      events: recorded.events.map((event) => ({ ...event, timestamp: event.timestamp + shift })),
    };
    const url = `${options.origin}/ingest/v1/batch?key=${options.appKey}&session=${options.sessionId}&seq=${seq}`;
    const body = gzipSync(JSON.stringify(retimed));
    const response = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'text/plain' } });
    if (!response.ok) throw new Error(`ingest ${batch.file}: ${response.status} ${await response.text()}`);
    events += batch.events;
  }
  return { sessionId: options.sessionId, events, batches: batches.length, firstTimestamp };
}

/** Ends a session as the widget's "end chat" does, so it becomes `completed` / `chat_ended`. */
export async function endSession(options: { origin: string; appKey: string; sessionId: string }): Promise<void> {
  const url = `${options.origin}/ingest/v1/end?key=${options.appKey}&session=${options.sessionId}`;
  const response = await fetch(url, { method: 'POST' });
  if (!response.ok) throw new Error(`end ${options.sessionId}: ${response.status} ${await response.text()}`);
}

/** The custom event tag the widget records chat messages with (the Activity feed's prompts). */
const CHAT_MESSAGE_TAG = 'hindsight.message';

/** Sends one more batch holding a visitor's chat message, as the widget records it (an rrweb custom event). */
export async function sendPrompt(options: {
  origin: string;
  appKey: string;
  sessionId: string;
  seq: number;
  text: string;
  timestamp: number;
}): Promise<void> {
  const batch = {
    events: [
      {
        type: 5,
        timestamp: options.timestamp,
        data: { tag: CHAT_MESSAGE_TAG, payload: { role: 'visitor', text: options.text } },
      },
    ],
  };
  const url = `${options.origin}/ingest/v1/batch?key=${options.appKey}&session=${options.sessionId}&seq=${options.seq}`;
  const response = await fetch(url, { method: 'POST', body: gzipSync(JSON.stringify(batch)) });
  if (!response.ok) throw new Error(`prompt batch: ${response.status} ${await response.text()}`);
}
