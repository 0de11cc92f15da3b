import { request } from 'node:http';
import { INGEST_BATCH_PATH } from '@hindsight/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApplicationRow } from '../src/db/schema';
import { type RunningServer, runServer } from '../src/run-server';
import { batchBody, newSessionId } from './support/batches';
import { createTestApplication, testConfig, testDeps } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

let testDb: TestDatabase;
let site: ApplicationRow;
let server: RunningServer;

beforeAll(async () => {
  testDb = await createTestDatabase();
  site = await createTestApplication(testDb.db);
  const config = testConfig({ PORT: '0', HOST: '127.0.0.1', INGEST_MAX_BODY_BYTES: '4096' });
  server = await runServer({ ...testDeps(testDb.db), config }, { sweepers: false });
});
afterAll(async () => {
  await server?.close();
  await testDb?.drop();
});

/** A chunked upload (no Content-Length): the cap can only be enforced while reading. */
function chunkedUpload(path: string, parts: Buffer[]) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const part of parts) req.write(part);
    req.end();
  });
}

it('over real HTTP: refuses a chunked body past the cap with 413 and keeps serving', async () => {
  const sessionId = newSessionId();
  const path = `${INGEST_BATCH_PATH}?key=${site.public_key}&session=${sessionId}&seq=0`;
  const tooBig = await chunkedUpload(
    path,
    Array.from({ length: 10 }, () => Buffer.alloc(1_000, 1)),
  );
  expect(tooBig.status).toBe(413);
  expect(JSON.parse(tooBig.body)).toMatchObject({ error: { code: 'payload_too_large' } });

  const fine = await chunkedUpload(path, [batchBody()]);
  expect(fine.status).toBe(200);
  expect(JSON.parse(fine.body)).toEqual({ result: 'accepted' });
});
