import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { batchBody, newSessionId } from '../../test/support/batches';
import { sendChat } from '../../test/support/chat-client';
import { createTestApp, createTestApplication, createTestClock, postBatch } from '../../test/support/test-app';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { sweepRetention } from './retention-sweeper';

const DAY = 86_400_000;
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb?.drop());

it("deletes sessions older than each application's retention, with their chunks, in bounded batches", async () => {
  const clock = createTestClock(new Date('2026-01-01T00:00:00Z'));
  const { app } = createTestApp(testDb.db, { clock: clock.now });
  const shortLived = await createTestApplication(testDb.db, { retentionDays: 7 });
  const longLived = await createTestApplication(testDb.db, { retentionDays: 30 });

  const record = async (key: string, chunks: number) => {
    const sessionId = newSessionId();
    for (let seq = 0; seq < chunks; seq++) {
      expect((await postBatch(app, { key, session: sessionId, seq, body: batchBody() })).status).toBe(200);
    }
    return sessionId;
  };
  const old = [];
  for (let i = 0; i < 7; i++) old.push(await record(shortLived.public_key, 2));
  const oldButKept = await record(longLived.public_key, 1);
  clock.advance(5 * DAY);
  const recent = await record(shortLived.public_key, 1);

  clock.advance(2 * DAY + 1); // the first sessions are now 7 days + 1 ms old; `recent` is 2 days old
  const deleted = await sweepRetention(testDb.db, clock.now(), 3);
  expect(deleted).toBe(7);

  const remaining = await testDb.db.selectFrom('sessions').select('id').execute();
  expect(remaining.map((r) => r.id).sort()).toEqual([oldButKept, recent].sort());
  const orphanChunks = await testDb.db
    .selectFrom('chunks')
    .select('session_id')
    .where('session_id', 'in', old)
    .execute();
  expect(orphanChunks).toEqual([]);

  clock.advance(30 * DAY);
  expect(await sweepRetention(testDb.db, clock.now(), 3)).toBe(2);
  expect(await testDb.db.selectFrom('chunks').selectAll().execute()).toEqual([]);
});

it('deletes expired conversations with their messages: recorded ones with their session, unrecorded ones alone', async () => {
  const clock = createTestClock(new Date('2026-03-01T00:00:00Z'));
  const { app } = createTestApp(testDb.db, { clock: clock.now, env: { CHAT_RATE_ADDRESS_BURST: '1000' } });
  const site = await createTestApplication(testDb.db, { retentionDays: 7 });
  const recorded = newSessionId();
  expect((await postBatch(app, { key: site.public_key, session: recorded, seq: 0, body: batchBody() })).status).toBe(
    200,
  );
  const unrecorded = newSessionId();
  for (const session of [recorded, unrecorded]) {
    expect((await sendChat(app, { key: site.public_key, session, text: 'Anyone there?' })).status).toBe(200);
  }
  clock.advance(3 * DAY);
  const fresh = newSessionId();
  await sendChat(app, { key: site.public_key, session: fresh, text: 'Still here' });

  clock.advance(5 * DAY);
  await sweepRetention(testDb.db, clock.now(), 1);
  const left = await sql<{ session_id: string }>`
    select distinct session_id from messages where application_id = ${site.id}`.execute(testDb.db);
  expect(left.rows.map((r) => r.session_id)).toEqual([fresh]);
  const conversations = await sql<{
    id: string;
  }>`select id from conversations where application_id = ${site.id}`.execute(testDb.db);
  expect(conversations.rows.map((r) => r.id)).toEqual([fresh]);
});
