import { get, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { CHAT_UPDATES_PATH, type ChatMessageDto } from '@hindsight/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { readServerSentEvents } from '../src/chat/server-sent-events';
import type { ApplicationRow } from '../src/db/schema';
import { type RunningServer, runServer } from '../src/run-server';
import { newSessionId } from './support/batches';
import { sendChat } from './support/chat-client';
import { type DashboardClient, signedInUser } from './support/dashboard-client';
import { createTestApp, createTestApplication, testDeps } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// The widget's side runs on a real HTTP server (streams must arrive as they are written); messages are stored
// through a second, in-process app with a notifier of its own: as if by another server process.
let testDb: TestDatabase;
let server: RunningServer;
let serverDeps: ReturnType<typeof testDeps>;
let other: App;
let owner: DashboardClient;
let site: ApplicationRow;

beforeAll(async () => {
  testDb = await createTestDatabase();
  serverDeps = testDeps(testDb.db, { env: { PORT: '0', HOST: '127.0.0.1' } });
  server = await runServer(serverDeps, { sweepers: false });
  other = createTestApp(testDb.db, { env: { CHAT_RATE_ADDRESS_BURST: '100000' } }).app;
  owner = await signedInUser(other, testDb.db, 'owner');
  site = await createTestApplication(testDb.db);
});
afterAll(async () => {
  await serverDeps?.notifier.close();
  await server?.close();
  await testDb?.drop();
});

type Update = { messages: ChatMessageDto[]; complete: boolean };

/**
 * Opens an updates stream like the widget; `next()` is its next `messages` event, `close()` hangs up (node:http:
 * fetch's abort can leave the socket open, which a server shutting down must then wait out).
 */
async function openUpdates(query: string) {
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    get(`http://127.0.0.1:${server.port}${CHAT_UPDATES_PATH}?${query}`, { headers: { origin: 'https://shop.example' } })
      .on('response', resolve)
      .on('error', reject);
  });
  const status = response.statusCode ?? 0;
  const events =
    status === 200
      ? readServerSentEvents(Readable.toWeb(response) as ReadableStream<Uint8Array>)[Symbol.asyncIterator]()
      : undefined;
  return {
    status,
    headers: response.headers,
    async json(): Promise<unknown> {
      const chunks: Buffer[] = [];
      for await (const chunk of response) chunks.push(chunk as Buffer);
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    },
    async next(): Promise<Update | 'ended'> {
      if (!events) throw new Error(`no stream: ${status}`);
      const { done, value } = await events.next();
      if (done) return 'ended';
      expect(value.event).toBe('messages');
      return JSON.parse(value.data) as Update;
    },
    close: () => response.destroy(),
  };
}

const texts = (update: Update | 'ended') => (update === 'ended' ? update : update.messages.map((m) => m.text));

/** Reads events until `count` messages have arrived (a send's message and its reply may come one by one). */
async function collect(updates: Awaited<ReturnType<typeof openUpdates>>, count: number): Promise<ChatMessageDto[]> {
  const messages: ChatMessageDto[] = [];
  while (messages.length < count) {
    const update = await updates.next();
    if (update === 'ended') break;
    messages.push(...update.messages);
  }
  return messages;
}

describe('GET /chat/v1/updates', () => {
  it('sends the conversation at once, then each operator reply as it is stored, by another process', async () => {
    const session = newSessionId();
    await sendChat(other, { key: site.public_key, session, text: 'Do you sell kayaks?' });
    const updates = await openUpdates(`key=${site.public_key}&session=${session}`);
    try {
      expect(updates.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(updates.headers['access-control-allow-origin']).toBe('https://shop.example');
      const first = await updates.next();
      expect(first).toMatchObject({ complete: true });
      expect(texts(first)).toEqual(['Do you sell kayaks?', expect.any(String)]);

      const replied = await owner.request('POST', `/api/sessions/${session}/messages`, { text: 'Next spring!' });
      expect(replied.status).toBe(201);
      const pushed = await updates.next();
      expect(pushed).toMatchObject({ complete: false, messages: [{ role: 'operator', text: 'Next spring!' }] });

      await owner.request('POST', `/api/sessions/${session}/messages`, { text: 'Anything else?' });
      expect(texts(await updates.next())).toEqual(['Anything else?']);
    } finally {
      updates.close();
    }
  });

  it('with after, starts from the newest message the widget has; a new conversation starts empty', async () => {
    const session = newSessionId();
    const empty = await openUpdates(`key=${site.public_key}&session=${session}`);
    expect(await empty.next()).toEqual({ messages: [], complete: true });
    await sendChat(other, { key: site.public_key, session, text: 'Hello?' });
    const [visitor, reply] = await collect(empty, 2);
    empty.close();
    expect(visitor).toMatchObject({ role: 'visitor', text: 'Hello?' });
    expect(reply).toMatchObject({ role: 'assistant' });

    const resumed = await openUpdates(`key=${site.public_key}&session=${session}&after=${visitor?.id}`);
    try {
      expect(await resumed.next()).toEqual({ messages: [reply], complete: false });
    } finally {
      resumed.close();
    }
  });

  it('refuses bad reads with a clear error before any stream opens, and keeps serving', async () => {
    const session = newSessionId();
    await sendChat(other, { key: site.public_key, session, text: 'Mine' });
    const stranger = await createTestApplication(testDb.db);
    const cases: [string, number, string][] = [
      [`key=${site.public_key}&session=${session}&after=abc`, 400, 'invalid_request'],
      [`key=${site.public_key}&session=${session}&after=1e9`, 400, 'invalid_request'],
      [`key=${site.public_key}&session=${session}&after=12345678901234567`, 400, 'invalid_request'],
      [`key=${site.public_key}`, 400, 'invalid_request'],
      [`key=${site.public_key}&session=no`, 400, 'invalid_request'],
      [`key=pk_unknown&session=${session}`, 401, 'unknown_app'],
      [`session=${session}`, 401, 'unknown_app'],
      [`key=${stranger.public_key}&session=${session}`, 409, 'session_conflict'],
    ];
    for (const [query, status, code] of cases) {
      const response = await openUpdates(query);
      expect([query, response.status, response.headers['content-type']]).toEqual([
        query,
        status,
        expect.stringMatching(/json/),
      ]);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect([query, body.error.code]).toEqual([query, code]);
      expect(body.error.message).toMatch(/\w/);
    }
    const fine = await openUpdates(`key=${site.public_key}&session=${session}`);
    expect(texts(await fine.next())).toEqual(['Mine', expect.any(String)]);
    fine.close();
  });

  it("never sends another application's messages to a stream opened before the conversation existed", async () => {
    const session = newSessionId();
    const early = await openUpdates(`key=${site.public_key}&session=${session}`);
    try {
      expect(await early.next()).toEqual({ messages: [], complete: true });
      const stranger = await createTestApplication(testDb.db);
      await sendChat(other, { key: stranger.public_key, session, text: 'Not for you' });
      await sendChat(other, { key: site.public_key, session, text: 'Refused' }); // 409: the conversation is theirs
      const rows = await sql<{
        n: number;
      }>`select count(*)::int as n from messages where session_id = ${session}`.execute(testDb.db);
      expect(rows.rows[0]?.n).toBeGreaterThan(0);
      // Nothing arrives for this stream: the next event would be its end, once the server closes it.
      const next = early.next();
      const outcome = await Promise.race([next, new Promise((resolve) => setTimeout(resolve, 1_500, 'nothing'))]);
      expect(outcome).toBe('nothing');
    } finally {
      early.close();
    }
  });

  it('a reply stored while the notification connection is down still arrives', async () => {
    const session = newSessionId();
    await sendChat(other, { key: site.public_key, session, text: 'Anyone there?' });
    const updates = await openUpdates(`key=${site.public_key}&session=${session}`);
    try {
      await updates.next();
      const { rows } = await sql<{ pid: number }>`
        select pg_terminate_backend(pid) as pid from pg_stat_activity
        where datname = current_database() and query like 'LISTEN%'`.execute(testDb.db);
      expect(rows.length).toBeGreaterThan(0);
      await owner.request('POST', `/api/sessions/${session}/messages`, { text: 'Here I am' });
      expect(texts(await updates.next())).toEqual(['Here I am']);
    } finally {
      updates.close();
    }
  });

  it('ends every open stream when the server shuts down, without waiting for its grace period', async () => {
    const deps = testDeps(testDb.db, { env: { PORT: '0', HOST: '127.0.0.1' } });
    const closing = await runServer(deps, { sweepers: false });
    const session = newSessionId();
    const response = await fetch(
      `http://127.0.0.1:${closing.port}${CHAT_UPDATES_PATH}?key=${site.public_key}&session=${session}`,
    );
    const reader = response.body?.getReader();
    await reader?.read(); // the first event: the stream is open
    const [, { forced }] = await Promise.all([deps.notifier.close(), closing.close()]);
    expect(await reader?.read()).toEqual({ done: true, value: undefined });
    // Had the stream held the server open, its grace period would have run out and the connection been cut.
    expect(forced).toBe(false);
  });
});
