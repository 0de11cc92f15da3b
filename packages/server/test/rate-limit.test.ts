import { INGEST_BATCH_PATH } from '@hindsight/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApplicationRow } from '../src/db/schema';
import { type RunningServer, runServer } from '../src/run-server';
import { batchBody, newSessionId } from './support/batches';
import { createTestApplication, testConfig, testDeps } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

let testDb: TestDatabase;
let site: ApplicationRow;
const servers: RunningServer[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  site = await createTestApplication(testDb.db);
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await testDb?.drop();
});

async function start(env: Record<string, string>) {
  const config = testConfig({ PORT: '0', HOST: '127.0.0.1', ...env });
  const server = await runServer({ ...testDeps(testDb.db), config }, { sweepers: false });
  servers.push(server);
  return (headers: Record<string, string> = {}) =>
    fetch(
      `http://127.0.0.1:${server.port}${INGEST_BATCH_PATH}?key=${site.public_key}&session=${newSessionId()}&seq=0`,
      {
        method: 'POST',
        body: batchBody(),
        headers,
      },
    );
}

it('answers 429 rate_limited with Retry-After when one client address sends too much, over real HTTP', async () => {
  const send = await start({ RATE_LIMIT_ADDRESS_BURST: '3', RATE_LIMIT_ADDRESS_PER_SECOND: '1' });
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await send()).status);
  expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
  const limited = await send({ Origin: 'https://shop.example' });
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  // The widget runs on the site's origin: the browser lets it read Retry-After only if the answer exposes it.
  expect(limited.headers.get('access-control-expose-headers')).toBe('Retry-After');
  expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
  const stored = await testDb.db
    .selectFrom('chunks')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  expect(Number(stored.n)).toBe(3);
});

it('answers 429 rate_limited when one public key sends too much from many addresses', async () => {
  const send = await start({ TRUST_PROXY: 'true', RATE_LIMIT_KEY_BURST: '4', RATE_LIMIT_KEY_PER_SECOND: '1' });
  const statuses = [];
  for (let i = 0; i < 6; i++) statuses.push((await send({ 'x-forwarded-for': `10.0.0.${i + 1}` })).status);
  expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
});
