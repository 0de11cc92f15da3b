import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchBody, newSessionId } from '../../test/support/batches';
import {
  createTestApp,
  createTestApplication,
  createTestClock,
  postBatch,
  testConfig,
} from '../../test/support/test-app';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import type { ApplicationRow } from '../db/schema';
import { sweepSessionLifecycle } from './lifecycle-sweeper';

const MINUTE = 60_000;
let testDb: TestDatabase;
let site: ApplicationRow;
const clock = createTestClock();
const rules = testConfig().lifecycle; // defaults: idle 15 min, grace 2 min, max 4 h

beforeAll(async () => {
  testDb = await createTestDatabase();
  site = await createTestApplication(testDb.db);
});
afterAll(() => testDb?.drop());

function client() {
  const { app } = createTestApp(testDb.db, { clock: clock.now });
  const sessionId = newSessionId();
  let seq = 0;
  return {
    sessionId,
    send: (extra: object = {}) =>
      postBatch(app, { key: site.public_key, session: sessionId, seq: seq++, body: batchBody(extra) }),
  };
}

async function sessionRow(id: string) {
  return testDb.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

const sweep = () => sweepSessionLifecycle(testDb.db, rules, clock.now());

describe('session lifecycle', () => {
  it('completes a session as idle after the idle timeout, ended at its last activity', async () => {
    const visitor = client();
    await visitor.send();
    const lastActivity = clock.now();
    clock.advance(14 * MINUTE);
    await sweep();
    expect((await sessionRow(visitor.sessionId)).status).toBe('active');
    clock.advance(1 * MINUTE);
    const completed = await sweep();
    expect(completed).toContainEqual({ id: visitor.sessionId, applicationId: site.id, endReason: 'idle' });
    const row = await sessionRow(visitor.sessionId);
    expect(row).toMatchObject({ status: 'completed', end_reason: 'idle' });
    expect(row.ended_at?.getTime()).toBe(lastActivity.getTime());
  });

  it('completes a session as left when a pagehide flush is not followed within the grace window', async () => {
    const visitor = client();
    await visitor.send();
    clock.advance(MINUTE);
    await visitor.send({ pagehide: true });
    const leftAt = clock.now();
    clock.advance(2 * MINUTE - 1_000);
    await sweep();
    expect((await sessionRow(visitor.sessionId)).status).toBe('active');
    clock.advance(1_000);
    await sweep();
    const row = await sessionRow(visitor.sessionId);
    expect(row).toMatchObject({ status: 'completed', end_reason: 'left', pagehide_at: null });
    expect(row.ended_at?.getTime()).toBe(leftAt.getTime());
  });

  it('continues the same session when the next page (a reload or navigation) sends within the grace window', async () => {
    const visitor = client();
    await visitor.send({ pagehide: true });
    clock.advance(90_000);
    const next = await visitor.send({ page: { url: 'https://shop.example/next', width: 1, height: 1 } });
    expect(next.status).toBe(200);
    clock.advance(5 * MINUTE);
    await sweep();
    expect(await sessionRow(visitor.sessionId)).toMatchObject({ status: 'active', pagehide_at: null, chunk_count: 2 });
  });

  it('does not let a late retry of an older batch cancel a pagehide', async () => {
    const { app } = createTestApp(testDb.db, { clock: clock.now });
    const sessionId = newSessionId();
    const send = (seq: number, extra: object = {}) =>
      postBatch(app, { key: site.public_key, session: sessionId, seq, body: batchBody(extra) });
    await send(0);
    await send(2, { pagehide: true });
    clock.advance(30_000);
    await send(1); // a retry that arrives after the page was left
    clock.advance(2 * MINUTE);
    await sweep();
    expect(await sessionRow(sessionId)).toMatchObject({ status: 'completed', end_reason: 'left' });
  });

  it('completes a busy session at the maximum duration, ended at the cap', async () => {
    const visitor = client();
    await visitor.send();
    const startedAt = clock.now();
    for (let elapsed = 0; elapsed < 4 * 60; elapsed += 10) {
      clock.advance(10 * MINUTE);
      await visitor.send();
      await sweep();
    }
    const row = await sessionRow(visitor.sessionId);
    expect(row).toMatchObject({ status: 'completed', end_reason: 'max_duration' });
    expect(row.ended_at?.getTime()).toBe(startedAt.getTime() + 4 * 60 * MINUTE);
  });

  it('leaves completed sessions alone and completes each session once', async () => {
    const visitor = client();
    await visitor.send();
    clock.advance(20 * MINUTE);
    expect((await sweep()).filter((s) => s.id === visitor.sessionId)).toHaveLength(1);
    clock.advance(5 * 60 * MINUTE);
    expect((await sweep()).filter((s) => s.id === visitor.sessionId)).toHaveLength(0);
    expect((await sessionRow(visitor.sessionId)).end_reason).toBe('idle');
  });
});
