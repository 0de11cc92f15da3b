import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHAT_MESSAGES_PATH, MAX_MESSAGE_LENGTH } from '@hindsight/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { FRIENDLY_FAILURE } from '../src/chat/answer-visitor-message';
import { DEFAULT_KNOWLEDGE } from '../src/chat/default-knowledge';
import { KNOWLEDGE_FALLBACK } from '../src/chat/knowledge-responder';
import type { ApplicationRow } from '../src/db/schema';
import { addKnowledge } from '../src/repos/knowledge-repo';
import { newSessionId } from './support/batches';
import { chatHistory, sendChat, streamedText } from './support/chat-client';
import { type DashboardClient, recordSession, signedInUser } from './support/dashboard-client';
import { type RemoteServer, startRemoteServer, streamCompletion } from './support/remote-server';
import { createTestApp, createTestApplication } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

let testDb: TestDatabase;
let app: App;
let owner: DashboardClient;
const remotes: RemoteServer[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  // Every request here comes from one in-process address: lift the per-address limit (tested below per session).
  app = createTestApp(testDb.db, { env: { CHAT_RATE_ADDRESS_BURST: '100000' } }).app;
  owner = await signedInUser(app, testDb.db, 'owner');
});
afterAll(async () => {
  await Promise.all(remotes.map((r) => r.close()));
  await testDb?.drop();
});

async function siteWithKnowledge(): Promise<ApplicationRow> {
  const site = await createTestApplication(testDb.db);
  await addKnowledge(testDb.db, site.id, [...DEFAULT_KNOWLEDGE]);
  return site;
}

async function remote(handle: Parameters<typeof startRemoteServer>[0]) {
  const server = await startRemoteServer(handle);
  remotes.push(server);
  return server;
}

const configure = (site: ApplicationRow, settings: unknown) =>
  owner.request('PUT', `/api/apps/${site.id}/responder`, settings);

describe('the knowledge responder (default)', () => {
  it('streams the matching answer, stores both messages, and the history survives a reload', async () => {
    const site = await siteWithKnowledge();
    const session = newSessionId();
    const sent = await sendChat(app, { key: site.public_key, session, text: 'How long does delivery take?' });
    expect(sent.status).toBe(200);
    expect(sent.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(sent.events[0]).toMatchObject({
      event: 'stored',
      data: { role: 'visitor', text: 'How long does delivery take?' },
    });
    const deltas = sent.events.filter((e) => e.event === 'delta');
    expect(deltas.length).toBeGreaterThan(3);
    expect(streamedText(sent.events)).toContain('two to four working days');
    const reply = sent.events.at(-1);
    expect(reply).toMatchObject({ event: 'reply', data: { role: 'assistant' } });

    const history = await chatHistory(app, site.public_key, session);
    expect(history.messages.map((m) => m.role)).toEqual(['visitor', 'assistant']);
    expect(history.messages[1]?.text).toBe(streamedText(sent.events));
  });

  it('falls back honestly and flags the prompt as unanswered in Activity', async () => {
    const site = await siteWithKnowledge();
    const session = newSessionId();
    const sent = await sendChat(app, { key: site.public_key, session, text: 'Do you sell kayaks?' });
    expect(streamedText(sent.events)).toBe(KNOWLEDGE_FALLBACK);
    const feed = (await (await owner.request('GET', `/api/apps/${site.id}/activity?type=prompts`)).json()) as {
      items: { text: string; unanswered: boolean }[];
    };
    expect(feed.items).toEqual([expect.objectContaining({ text: 'Do you sell kayaks?', unanswered: true })]);
  });

  it('stores a retried send once and answers it with the stored reply', async () => {
    const site = await siteWithKnowledge();
    const session = newSessionId();
    await sendChat(app, { key: site.public_key, session, text: 'Do you rent tents?', clientId: 'same-id' });
    const retry = await sendChat(app, {
      key: site.public_key,
      session,
      text: 'Do you rent tents?',
      clientId: 'same-id',
    });
    expect(retry.events.map((e) => e.event)).toEqual(['stored', 'reply']);
    const { messages } = await chatHistory(app, site.public_key, session);
    expect(messages).toHaveLength(2);
    // The visitor's message carries the widget's id for it (how the widget knows its own message when it sees it).
    expect(messages.map((m) => m.clientId)).toEqual(['same-id', undefined]);
    expect(retry.events[0]?.data).toMatchObject({ role: 'visitor', clientId: 'same-id' });
  });

  it('stores HTML and script as the text it is', async () => {
    const site = await siteWithKnowledge();
    const session = newSessionId();
    const text = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    await sendChat(app, { key: site.public_key, session, text });
    expect((await chatHistory(app, site.public_key, session)).messages[0]?.text).toBe(text);
  });

  it('keeps replying after the visitor disconnects mid-stream: the reply is stored complete', async () => {
    const site = await siteWithKnowledge();
    const session = newSessionId();
    const response = await app.request(`${CHAT_MESSAGES_PATH}?key=${site.public_key}&session=${session}`, {
      method: 'POST',
      body: JSON.stringify({ text: 'What does the free repair promise cover?', clientId: 'gone' }),
    });
    const reader = response.body?.getReader();
    await reader?.read(); // the first event, then the visitor closes the tab
    await reader?.cancel();
    let messages: { role: string; text: string }[] = [];
    for (let i = 0; i < 100 && messages.length < 2; i++) {
      await sleep(50);
      messages = (await chatHistory(app, site.public_key, session)).messages;
    }
    expect(messages[1]?.text).toContain('Wear and tear on anything you bought from us');
  });
});

describe('bad input', () => {
  const post = (key: string, session: string, body: unknown) =>
    app.request(`${CHAT_MESSAGES_PATH}?key=${key}&session=${session}`, { method: 'POST', body: JSON.stringify(body) });
  const codeOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

  it.each([
    ['empty', ''],
    ['blank', '   \n '],
    ['too long', 'x'.repeat(MAX_MESSAGE_LENGTH + 1)],
  ])('refuses an %s message with 400 invalid_message and stores nothing', async (_name, text) => {
    const site = await siteWithKnowledge();
    const session = newSessionId();
    const response = await post(site.public_key, session, { text, clientId: 'a' });
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toBe('invalid_message');
    expect((await chatHistory(app, site.public_key, session)).messages).toEqual([]);
    expect((await sendChat(app, { key: site.public_key, session, text: 'Still there?' })).status).toBe(200);
  });

  it('accepts a message of exactly the maximum length', async () => {
    const site = await siteWithKnowledge();
    const response = await sendChat(app, {
      key: site.public_key,
      session: newSessionId(),
      text: 'y'.repeat(MAX_MESSAGE_LENGTH),
    });
    expect(response.status).toBe(200);
  });

  it('answers 401 unknown_app for an unknown or missing key', async () => {
    for (const key of ['pk_nope', '']) {
      const response = await post(key, newSessionId(), { text: 'hi', clientId: 'a' });
      expect(response.status).toBe(401);
      expect(await codeOf(response)).toBe('unknown_app');
    }
  });

  it("answers 409 session_conflict for another application's session (recorded or chatting)", async () => {
    const siteA = await siteWithKnowledge();
    const siteB = await siteWithKnowledge();
    const recorded = await recordSession(app, siteA.public_key);
    const chatting = newSessionId();
    await sendChat(app, { key: siteA.public_key, session: chatting, text: 'hello there' });
    for (const session of [recorded, chatting]) {
      const response = await post(siteB.public_key, session, { text: 'mine now', clientId: 'x' });
      expect(response.status).toBe(409);
      expect(await codeOf(response)).toBe('session_conflict');
    }
    expect((await chatHistory(app, siteA.public_key, chatting)).messages.map((m) => m.text)).not.toContain('mine now');
  });

  it('answers 429 rate_limited with Retry-After for too many messages from one session', async () => {
    const strict = createTestApp(testDb.db, {
      env: { CHAT_RATE_SESSION_BURST: '2', CHAT_RATE_SESSION_PER_MINUTE: '1', CHAT_RATE_ADDRESS_BURST: '100000' },
    }).app;
    const site = await siteWithKnowledge();
    const session = newSessionId();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await sendChat(strict, { key: site.public_key, session, text: `q${i}` })).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await sendChat(strict, { key: site.public_key, session, text: 'again' });
    expect(Number(limited.response.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another visitor is not affected.
    expect((await sendChat(strict, { key: site.public_key, session: newSessionId(), text: 'hi' })).status).toBe(200);
  });
});

describe('per-address limit', () => {
  it('answers 429 rate_limited with Retry-After for too many chat requests from one address', async () => {
    const strict = createTestApp(testDb.db, {
      env: { CHAT_RATE_ADDRESS_BURST: '3', CHAT_RATE_ADDRESS_PER_MINUTE: '1' },
    }).app;
    const site = await siteWithKnowledge();
    const statuses: number[] = [];
    // Different chats, one address (every in-process request shares one).
    for (let i = 0; i < 4; i++)
      statuses.push((await sendChat(strict, { key: site.public_key, session: newSessionId(), text: `q${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await sendChat(strict, { key: site.public_key, session: newSessionId(), text: 'again' });
    expect(limited.status).toBe(429);
    expect(Number(limited.response.headers.get('retry-after'))).toBeGreaterThan(0);
    // From the site's own origin the widget can read Retry-After only if the answer exposes it.
    const history = await strict.request(`${CHAT_MESSAGES_PATH}?key=${site.public_key}&session=${newSessionId()}`, {
      headers: { origin: 'https://shop.example' },
    });
    expect(history.status).toBe(429);
    expect(history.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });
});

describe('the openai responder', () => {
  it('streams tokens from an OpenAI-compatible endpoint, with the knowledge as context', async () => {
    const model = await remote((_request, response) => {
      void streamCompletion(response, ['We ', 'ship ', 'in ', '2-4 days.']);
    });
    const site = await siteWithKnowledge();
    const saved = await configure(site, {
      kind: 'openai',
      openai: { baseUrl: `${model.url}/v1`, model: 'local-model', apiKey: 'sk-test-secret', temperature: 0.2 },
    });
    expect(saved.status).toBe(200);
    const session = newSessionId();
    const sent = await sendChat(app, { key: site.public_key, session, text: 'How long does delivery take?' });
    expect(sent.events.filter((e) => e.event === 'delta').map((e) => (e.data as { text: string }).text)).toEqual([
      'We ',
      'ship ',
      'in ',
      '2-4 days.',
    ]);
    const call = model.requests[0];
    expect(call?.headers.authorization).toBe('Bearer sk-test-secret');
    const body = JSON.parse(call?.body ?? '{}');
    expect(body).toMatchObject({ model: 'local-model', stream: true, temperature: 0.2 });
    expect(body.messages[0].content).toContain('two to four working days');
    expect(body.messages.at(-1)).toEqual({ role: 'user', content: 'How long does delivery take?' });
  });

  it.each([
    ['a bad status', (response: import('node:http').ServerResponse) => response.writeHead(500).end('boom')],
    [
      'a malformed stream',
      (response: import('node:http').ServerResponse) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end('data: {not json\n\n');
      },
    ],
    ['silence past the timeout', () => undefined],
  ])('turns %s into a friendly error, keeps the prompt and flags it', async (_name, misbehave) => {
    const model = await remote((_request, response) => misbehave(response));
    const site = await siteWithKnowledge();
    await configure(site, { kind: 'openai', openai: { baseUrl: model.url, model: 'm' }, timeoutSeconds: 1 });
    const session = newSessionId();
    const sent = await sendChat(app, { key: site.public_key, session, text: 'Anyone there?' });
    expect(sent.events.at(-1)).toEqual({
      event: 'error',
      data: { code: 'responder_failed', message: FRIENDLY_FAILURE },
    });
    const history = await chatHistory(app, site.public_key, session);
    expect(history.messages.map((m) => m.text)).toEqual(['Anyone there?']);
    const flagged = await sql<{
      unanswered: boolean;
    }>`select unanswered from messages where session_id = ${session}`.execute(testDb.db);
    expect(flagged.rows).toEqual([{ unanswered: true }]);
  });

  it('never answers the API key back, and stores it sealed', async () => {
    const site = await siteWithKnowledge();
    await configure(site, {
      kind: 'openai',
      openai: { baseUrl: 'http://127.0.0.1:9/v1', model: 'm', apiKey: 'sk-live-123456' },
    });
    const settings = await (await owner.request('GET', `/api/apps/${site.id}/responder`)).text();
    expect(settings).not.toContain('sk-live-123456');
    expect(JSON.parse(settings).openai.apiKeySet).toBe(true);
    const stored = await sql<{ sealed: string }>`
      select openai_api_key_sealed as sealed from responder_settings where application_id = ${site.id}`.execute(
      testDb.db,
    );
    expect(stored.rows[0]?.sealed).toMatch(/^v1:/);
    expect(stored.rows[0]?.sealed).not.toContain('sk-live');
  });

  it('refuses settings that cannot work, and keeps the old ones', async () => {
    const site = await siteWithKnowledge();
    const response = await configure(site, { kind: 'openai', openai: { model: 'm' } });
    expect(response.status).toBe(400);
    const settings = (await (await owner.request('GET', `/api/apps/${site.id}/responder`)).json()) as { kind: string };
    expect(settings.kind).toBe('knowledge');
  });
});

describe('the webhook responder', () => {
  it('posts the conversation signed (HMAC-SHA256 over timestamp and body) and relays the reply', async () => {
    const secret = 'whsec-test-0123456789';
    const receiver = await remote((request, response) => {
      // What a receiver does: recompute the signature, refuse old timestamps, then answer.
      const header = String(request.headers['x-hindsight-signature'] ?? '');
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) ?? [];
      const expected = createHmac('sha256', secret).update(`${t}.${request.body}`).digest('hex');
      const fresh = Math.abs(Date.now() / 1_000 - Number(t)) < 300;
      if (v1 !== expected || !fresh) return response.writeHead(401).end();
      const { messages } = JSON.parse(request.body) as { messages: { text: string }[] };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ reply: `You said: ${messages.at(-1)?.text}` }));
    });
    const site = await siteWithKnowledge();
    expect((await configure(site, { kind: 'webhook', webhook: { url: `${receiver.url}/hook`, secret } })).status).toBe(
      200,
    );
    const sent = await sendChat(app, { key: site.public_key, session: newSessionId(), text: 'ping' });
    expect(streamedText(sent.events)).toBe('You said: ping');

    await configure(site, { webhook: { secret: 'a-different-secret' } });
    const refused = await sendChat(app, { key: site.public_key, session: newSessionId(), text: 'ping' });
    expect(refused.events.at(-1)?.event).toBe('error');
  });

  it('turns a reply without text into a friendly error', async () => {
    const receiver = await remote((_request, response) => response.writeHead(200).end('{"answer":"wrong field"}'));
    const site = await siteWithKnowledge();
    await configure(site, { kind: 'webhook', webhook: { url: receiver.url, secret: 's3cret-s3cret' } });
    const sent = await sendChat(app, { key: site.public_key, session: newSessionId(), text: 'ping' });
    expect(sent.events.at(-1)?.event).toBe('error');
  });
});

describe('operators', () => {
  it('reply to a conversation; the visitor sees it in the history, and the automatic responder goes quiet', async () => {
    const site = await siteWithKnowledge();
    const session = newSessionId();
    await sendChat(app, { key: site.public_key, session, text: 'Do you sell kayaks?' });
    const replied = await owner.request('POST', `/api/sessions/${session}/messages`, { text: 'Not yet, next spring!' });
    expect(replied.status).toBe(201);
    const history = await chatHistory(app, site.public_key, session);
    expect(history.messages.at(-1)).toMatchObject({ role: 'operator', text: 'Not yet, next spring!' });

    const next = await sendChat(app, { key: site.public_key, session, text: 'Great, thanks' });
    expect(next.events.map((e) => e.event)).toEqual(['stored', 'quiet']);
    const conversation = (await (await owner.request('GET', `/api/sessions/${session}/conversation`)).json()) as {
      messages: { role: string; unanswered: boolean }[];
    };
    expect(conversation.messages.map((m) => [m.role, m.unanswered])).toEqual([
      ['visitor', true],
      ['assistant', false],
      ['operator', false],
      ['visitor', false],
    ]);
  });

  it("places a recorded session's chat messages on the replay clock (from its first recorded event)", async () => {
    const site = await siteWithKnowledge();
    const session = await recordSession(app, site.public_key);
    const detail = (await (await owner.request('GET', `/api/sessions/${session}`)).json()) as {
      session: { firstTimestamp: number };
    };
    const response = await app.request(`${CHAT_MESSAGES_PATH}?key=${site.public_key}&session=${session}`, {
      method: 'POST',
      body: JSON.stringify({
        text: 'Where is my parcel?',
        clientId: 'c1',
        timestamp: detail.session.firstTimestamp + 42_000,
      }),
    });
    await response.text();
    const conversation = (await (await owner.request('GET', `/api/sessions/${session}/conversation`)).json()) as {
      messages: { text: string; offsetMs: number | null }[];
    };
    expect(conversation.messages[0]).toMatchObject({ text: 'Where is my parcel?', offsetMs: 42_000 });
    const unrecorded = newSessionId();
    await sendChat(app, { key: site.public_key, session: unrecorded, text: 'No recording here' });
    const plain = (await (await owner.request('GET', `/api/sessions/${unrecorded}/conversation`)).json()) as {
      messages: { offsetMs: number | null }[];
    };
    expect(plain.messages[0]?.offsetMs).toBeNull();
  });

  it('may not reply without conversations.reply', async () => {
    const site = await siteWithKnowledge();
    const session = newSessionId();
    await sendChat(app, { key: site.public_key, session, text: 'hello?' });
    const viewer = await signedInUser(app, testDb.db, 'viewer', [site.id]);
    expect((await viewer.request('POST', `/api/sessions/${session}/messages`, { text: 'hi' })).status).toBe(403);
  });
});
