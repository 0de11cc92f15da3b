import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatabase, type Db } from '../src/db/database';
import type { ApplicationRow } from '../src/db/schema';
import { batchBody, newSessionId } from './support/batches';
import { startTcpProxy } from './support/tcp-proxy';
import { createTestApp, createTestApplication, postBatch } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

let testDb: TestDatabase;
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let proxiedDb: Db;
let site: ApplicationRow;

beforeAll(async () => {
  testDb = await createTestDatabase();
  site = await createTestApplication(testDb.db);
  const direct = new URL(testDb.url);
  proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const viaProxy = new URL(testDb.url);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  proxiedDb = createDatabase({ connectionString: viaProxy.toString(), connectionTimeoutMs: 1_000 });
});
afterAll(async () => {
  await proxiedDb?.destroy();
  await proxy?.stop();
  await testDb?.drop();
});

it('answers 503 unavailable with Retry-After while the database is unreachable, writes nothing half-way, and recovers by itself', async () => {
  const { app } = createTestApp(proxiedDb);
  const sessionId = newSessionId();
  const send = (seq: number) => postBatch(app, { key: site.public_key, session: sessionId, seq, body: batchBody() });
  expect((await send(0)).status).toBe(200);

  await proxy.cut();
  for (const seq of [1, 2]) {
    const response = await send(seq);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await response.json()).toMatchObject({ error: { code: 'unavailable' } });
  }
  const readiness = await app.request('/readyz');
  expect(readiness.status).toBe(503);
  expect((await app.request('/healthz')).status).toBe(200);

  await proxy.restore();
  expect((await send(1)).status).toBe(200);
  expect((await send(2)).status).toBe(200);
  expect((await app.request('/readyz')).status).toBe(200);

  const row = await testDb.db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow();
  expect(row).toMatchObject({ chunk_count: 3, event_count: 9 });
  const chunks = await testDb.db
    .selectFrom('chunks')
    .select('seq')
    .where('session_id', '=', sessionId)
    .orderBy('seq')
    .execute();
  expect(chunks.map((c) => c.seq)).toEqual([0, 1, 2]);
});
