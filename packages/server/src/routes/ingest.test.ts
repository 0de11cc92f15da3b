import { gzipSync } from 'node:zlib';
import { INGEST_END_PATH } from '@hindsight/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchBody, gzipJson, makeEvents, newSessionId } from '../../test/support/batches';
import { createTestApp, createTestApplication, postBatch } from '../../test/support/test-app';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import type { ApplicationRow } from '../db/schema';

let testDb: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];
let site: ApplicationRow;
let otherSite: ApplicationRow;
let lockedSite: ApplicationRow;

beforeAll(async () => {
  testDb = await createTestDatabase();
  ({ app } = createTestApp(testDb.db, {
    env: { INGEST_MAX_BODY_BYTES: '4096', INGEST_MAX_INFLATED_BYTES: '65536' },
  }));
  site = await createTestApplication(testDb.db);
  otherSite = await createTestApplication(testDb.db);
  lockedSite = await createTestApplication(testDb.db, { allowedOrigins: ['https://shop.example'] });
});
afterAll(() => testDb?.drop());

async function chunkCount(sessionId?: string): Promise<number> {
  let query = testDb.db.selectFrom('chunks').select((eb) => eb.fn.countAll<string>().as('n'));
  if (sessionId) query = query.where('session_id', '=', sessionId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

async function session(sessionId: string) {
  return testDb.db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error.message;
}

/** After every rejected input: nothing was stored by it, and the server still accepts a good batch. */
async function expectStillServing() {
  const sessionId = newSessionId();
  const response = await postBatch(app, { key: site.public_key, session: sessionId, seq: 0, body: batchBody() });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ result: 'accepted' });
}

describe('accepting a batch', () => {
  it('stores the compressed bytes as received and creates an active session with its metadata', async () => {
    const sessionId = newSessionId();
    const body = gzipJson({
      events: makeEvents(5, { full: true }),
      page: { url: 'https://shop.example/landing?x=1', referrer: 'https://search.example/', width: 1280, height: 720 },
      visitorId: 'visitor_1',
    });
    const response = await postBatch(app, {
      key: site.public_key,
      session: sessionId,
      seq: 0,
      body,
      headers: {
        'user-agent':
          'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: 'accepted' });

    const row = await session(sessionId);
    expect(row).toMatchObject({
      application_id: site.id,
      status: 'active',
      end_reason: null,
      visitor_id: 'visitor_1',
      landing_url: 'https://shop.example/landing?x=1',
      referrer: 'https://search.example/',
      viewport_width: 1280,
      viewport_height: 720,
      page_count: 1,
      event_count: 7,
      chunk_count: 1,
      compressed_bytes: body.byteLength,
      replayable: true,
      browser: 'Chrome 131',
      os: 'Windows',
      device: 'desktop',
    });
    const chunk = await testDb.db
      .selectFrom('chunks')
      .selectAll()
      .where('session_id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(Buffer.compare(chunk.data, body)).toBe(0);
    expect(chunk.event_count).toBe(7);
    expect(chunk.first_timestamp).toBe(1_763_770_000_000);
    expect(chunk.last_timestamp).toBe(1_763_770_000_000 + 10 + 4 * 100);
  });

  it('continues a session across batches and keeps the earliest page as landing page when batches arrive out of order', async () => {
    const sessionId = newSessionId();
    const page = (url: string) => ({ url, width: 800, height: 600 });
    const send = (seq: number, extra: object) =>
      postBatch(app, { key: site.public_key, session: sessionId, seq, body: batchBody(extra) });
    expect((await send(2, { page: page('https://shop.example/checkout') })).status).toBe(200);
    expect((await send(0, { page: page('https://shop.example/') })).status).toBe(200);
    expect((await send(1, {})).status).toBe(200);
    const row = await session(sessionId);
    expect(row).toMatchObject({
      landing_url: 'https://shop.example/',
      page_count: 2,
      chunk_count: 3,
      event_count: 9,
      last_seq: 2,
    });
    expect(row?.replayable).toBe(false);
  });

  it('acknowledges a retried batch as a duplicate and counts it once', async () => {
    const sessionId = newSessionId();
    const body = batchBody();
    const first = await postBatch(app, { key: site.public_key, session: sessionId, seq: 0, body });
    expect(await first.json()).toEqual({ result: 'accepted' });
    const again = await postBatch(app, { key: site.public_key, session: sessionId, seq: 0, body });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ result: 'duplicate' });
    expect(await session(sessionId)).toMatchObject({ chunk_count: 1, event_count: 3 });
    expect(await chunkCount(sessionId)).toBe(1);
  });

  it('stores concurrent copies of one batch once, and concurrent batches of a new session all', async () => {
    const sessionId = newSessionId();
    const body = batchBody();
    const copies = await Promise.all(
      Array.from({ length: 8 }, () => postBatch(app, { key: site.public_key, session: sessionId, seq: 0, body })),
    );
    const results = await Promise.all(copies.map((r) => r.json() as Promise<{ result: string }>));
    expect(results.filter((r) => r.result === 'accepted')).toHaveLength(1);
    expect(results.filter((r) => r.result === 'duplicate')).toHaveLength(7);

    const fresh = newSessionId();
    const batches = await Promise.all(
      Array.from({ length: 8 }, (_, seq) => postBatch(app, { key: site.public_key, session: fresh, seq, body })),
    );
    expect(batches.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(await session(fresh)).toMatchObject({ chunk_count: 8, event_count: 24 });
  });

  it('answers a CORS preflight and puts CORS headers on answers, errors included', async () => {
    const preflight = await app.request('/ingest/v1/batch?key=x', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const rejected = await postBatch(app, {
      key: 'pk_nope',
      session: newSessionId(),
      seq: 0,
      body: batchBody(),
      headers: { origin: 'https://a.example' },
    });
    expect(rejected.headers.get('access-control-allow-origin')).toBe('https://a.example');
  });
});

describe('bad input', () => {
  it('401 unknown_app for a missing or unknown public key', async () => {
    const before = await chunkCount();
    await expectError(await postBatch(app, { session: newSessionId(), seq: 0, body: batchBody() }), 401, 'unknown_app');
    await expectError(
      await postBatch(app, { key: 'pk_doesnotexist00000000000', session: newSessionId(), seq: 0, body: batchBody() }),
      401,
      'unknown_app',
    );
    expect(await chunkCount()).toBe(before);
    await expectStillServing();
  });

  it("403 origin_not_allowed for an origin outside the application's list", async () => {
    const sessionId = newSessionId();
    const send = (origin?: string) =>
      postBatch(app, {
        key: lockedSite.public_key,
        session: sessionId,
        seq: 0,
        body: batchBody(),
        headers: origin ? { origin } : {},
      });
    await expectError(await send('https://evil.example'), 403, 'origin_not_allowed');
    await expectError(await send(), 403, 'origin_not_allowed');
    expect(await session(sessionId)).toBeUndefined();
    expect((await send('https://shop.example')).status).toBe(200);
  });

  it('413 payload_too_large for a compressed body over the cap, declared or streamed', async () => {
    const sessionId = newSessionId();
    const big = Buffer.alloc(5_000, 1);
    await expectError(
      await postBatch(app, { key: site.public_key, session: sessionId, seq: 0, body: big }),
      413,
      'payload_too_large',
    );
    // No Content-Length: a stream that only turns out too large while being read.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new Uint8Array(1_000));
        controller.close();
      },
    });
    const streamed = await app.request(`/ingest/v1/batch?key=${site.public_key}&session=${sessionId}&seq=0`, {
      method: 'POST',
      body: stream,
      duplex: 'half', // Node's fetch needs it for a stream body
    });
    await expectError(streamed, 413, 'payload_too_large');
    expect(await session(sessionId)).toBeUndefined();
    await expectStillServing();
  });

  it('400 invalid_encoding for a body that is not gzip', async () => {
    const sessionId = newSessionId();
    const plain = Buffer.from(JSON.stringify({ events: makeEvents(1) }));
    await expectError(
      await postBatch(app, { key: site.public_key, session: sessionId, seq: 0, body: plain }),
      400,
      'invalid_encoding',
    );
    const truncated = batchBody().subarray(0, 30);
    await expectError(
      await postBatch(app, { key: site.public_key, session: sessionId, seq: 0, body: truncated }),
      400,
      'invalid_encoding',
    );
    expect(await session(sessionId)).toBeUndefined();
    await expectStillServing();
  });

  it('413 payload_too_large for gzip that inflates past the cap (a zip bomb)', async () => {
    const sessionId = newSessionId();
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x20), { level: 9 }); // 10 MiB of spaces, ~10 KB gzip
    const small = gzipSync(Buffer.alloc(100_000, 0x20), { level: 9 });
    expect(small.byteLength).toBeLessThan(4096);
    await expectError(
      await postBatch(app, { key: site.public_key, session: sessionId, seq: 0, body: small }),
      413,
      'payload_too_large',
    );
    expect(bomb.byteLength).toBeGreaterThan(4096); // over the body cap too: answered before inflating at all
    await expectError(
      await postBatch(app, { key: site.public_key, session: sessionId, seq: 0, body: bomb }),
      413,
      'payload_too_large',
    );
    expect(await session(sessionId)).toBeUndefined();
    await expectStillServing();
  });

  const wrongShapes: [string, unknown, RegExp][] = [
    ['not JSON', 'this is not json', /JSON/],
    ['a JSON array', [1, 2], /object/],
    ['events not an array', { events: { type: 2 } }, /events/],
    ['no events', { events: [] }, /events/],
    ['an event that is not an object', { events: [makeEvents(1)[0], 'x'] }, /events\[1\]/],
    ['an event without a numeric type', { events: [{ type: '2', timestamp: 1, data: {} }] }, /events\[0\]\.type/],
    ['an event without a timestamp', { events: [{ type: 3, data: {} }] }, /events\[0\]\.timestamp/],
    [
      'an event with a NaN-like timestamp',
      { events: [{ type: 3, timestamp: -5, data: {} }] },
      /events\[0\]\.timestamp/,
    ],
    ['an event without data', { events: [...makeEvents(2), { type: 3, timestamp: 5 }] }, /events\[2\]\.data/],
    ['a page without url', { events: makeEvents(1), page: { width: 1, height: 1 } }, /page\.url/],
    [
      'a page with a bad width',
      { events: makeEvents(1), page: { url: 'https://a', width: -1, height: 1 } },
      /page\.width/,
    ],
    ['a malformed visitor id', { events: makeEvents(1), visitorId: '<script>' }, /visitorId/],
    ['a non-boolean pagehide', { events: makeEvents(1), pagehide: 'yes' }, /pagehide/],
  ];
  for (const [name, document, field] of wrongShapes) {
    it(`400 invalid_batch for ${name}, naming the field`, async () => {
      const sessionId = newSessionId();
      const body = gzipSync(Buffer.from(typeof document === 'string' ? document : JSON.stringify(document)));
      const message = await expectError(
        await postBatch(app, { key: site.public_key, session: sessionId, seq: 0, body }),
        400,
        'invalid_batch',
      );
      expect(message).toMatch(field);
      expect(await session(sessionId)).toBeUndefined();
    });
  }

  it('400 invalid_batch for a bad sequence number or a malformed session id', async () => {
    for (const seq of ['-1', '1.5', 'abc', '', '99999999999']) {
      const message = await expectError(
        await postBatch(app, { key: site.public_key, session: newSessionId(), seq, body: batchBody() }),
        400,
        'invalid_batch',
      );
      expect(message).toMatch(/seq/);
    }
    for (const sessionId of ['short', 'has spaces in it ok?!', 'x'.repeat(65), '']) {
      const message = await expectError(
        await postBatch(app, { key: site.public_key, session: sessionId, seq: 0, body: batchBody() }),
        400,
        'invalid_batch',
      );
      expect(message).toMatch(/session/);
    }
    await expectStillServing();
  });

  it('409 session_conflict for a session id that belongs to another application', async () => {
    const sessionId = newSessionId();
    expect((await postBatch(app, { key: site.public_key, session: sessionId, seq: 0, body: batchBody() })).status).toBe(
      200,
    );
    await expectError(
      await postBatch(app, { key: otherSite.public_key, session: sessionId, seq: 1, body: batchBody() }),
      409,
      'session_conflict',
    );
    expect(await session(sessionId)).toMatchObject({ application_id: site.id, chunk_count: 1 });
  });

  it('409 session_ended for a batch after the session completed, while a retry of a stored batch stays a duplicate', async () => {
    const sessionId = newSessionId();
    const body = batchBody();
    await postBatch(app, { key: site.public_key, session: sessionId, seq: 0, body });
    const ended = await app.request(`${INGEST_END_PATH}?key=${site.public_key}&session=${sessionId}`, {
      method: 'POST',
    });
    expect(await ended.json()).toEqual({ status: 'completed', endReason: 'chat_ended' });

    await expectError(
      await postBatch(app, { key: site.public_key, session: sessionId, seq: 1, body }),
      409,
      'session_ended',
    );
    const retry = await postBatch(app, { key: site.public_key, session: sessionId, seq: 0, body });
    expect(await retry.json()).toEqual({ result: 'duplicate' });
    expect(await session(sessionId)).toMatchObject({ status: 'completed', chunk_count: 1 });
  });
});

describe('ending a session', () => {
  it('completes it with chat_ended, idempotently', async () => {
    const sessionId = newSessionId();
    await postBatch(app, { key: site.public_key, session: sessionId, seq: 0, body: batchBody() });
    const end = () => app.request(`${INGEST_END_PATH}?key=${site.public_key}&session=${sessionId}`, { method: 'POST' });
    expect((await end()).status).toBe(200);
    expect((await end()).status).toBe(200);
    const row = await session(sessionId);
    expect(row).toMatchObject({ status: 'completed', end_reason: 'chat_ended' });
    expect(row?.ended_at).toBeInstanceOf(Date);
  });

  it('answers 404 unknown_session, 409 session_conflict and 401 unknown_app', async () => {
    const sessionId = newSessionId();
    const end = (key: string, id: string) =>
      app.request(`${INGEST_END_PATH}?key=${key}&session=${id}`, { method: 'POST' });
    await expectError(await end(site.public_key, sessionId), 404, 'unknown_session');
    await postBatch(app, { key: site.public_key, session: sessionId, seq: 0, body: batchBody() });
    await expectError(await end(otherSite.public_key, sessionId), 409, 'session_conflict');
    await expectError(await end('pk_nope', sessionId), 401, 'unknown_app');
    expect(await session(sessionId)).toMatchObject({ status: 'active' });
  });
});
