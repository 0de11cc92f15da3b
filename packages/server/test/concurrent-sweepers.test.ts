import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApplicationRow } from '../src/db/schema';
import { createTestApplication } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const run = promisify(execFile);
let testDb: TestDatabase;
let site: ApplicationRow;
const SESSIONS = 3_000;
const NOW = new Date('2026-11-22T12:00:00Z');

beforeAll(async () => {
  testDb = await createTestDatabase();
  site = await createTestApplication(testDb.db, { retentionDays: 1 });
});
afterAll(() => testDb?.drop());

async function seedIdleSessions(startedAt: Date) {
  await sql`
    insert into sessions (id, application_id, status, started_at, last_activity_at)
    select 'sweep_session_' || lpad(n::text, 8, '0'), ${site.id}, 'active', ${startedAt}, ${startedAt}
    from generate_series(1, ${SESSIONS}) as n`.execute(testDb.db);
}

function sweepInAnotherProcess(mode: 'lifecycle' | 'retention') {
  return run(
    process.execPath,
    ['--import', 'tsx', 'test/support/sweep-process.ts', mode, testDb.url, NOW.toISOString()],
    {
      cwd: new URL('..', import.meta.url).pathname,
    },
  ).then(({ stdout }) => JSON.parse(stdout) as unknown);
}

it('two sweeper processes on one database complete every due session exactly once', async () => {
  await seedIdleSessions(new Date(NOW.getTime() - 60 * 60_000));
  const [first, second] = (await Promise.all([
    sweepInAnotherProcess('lifecycle'),
    sweepInAnotherProcess('lifecycle'),
  ])) as [string[], string[]];
  expect(first.length + second.length).toBe(SESSIONS);
  expect(new Set([...first, ...second]).size).toBe(SESSIONS);
  const counts = await testDb.db
    .selectFrom('sessions')
    .select(['status', 'end_reason', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(['status', 'end_reason'])
    .execute();
  expect(counts.map((c) => ({ ...c, n: Number(c.n) }))).toEqual([
    { status: 'completed', end_reason: 'idle', n: SESSIONS },
  ]);
});

it('two retention processes on one database delete every expired session exactly once', async () => {
  const [first, second] = (await Promise.all([
    sweepInAnotherProcess('retention'),
    sweepInAnotherProcess('retention'),
  ])) as [number, number];
  // The sessions above started an hour before NOW; with 1-day retention, sweep as of 2 days later.
  expect(first + second).toBe(0);
  await sql`update sessions set started_at = started_at - interval '2 days'`.execute(testDb.db);
  const [a, b] = (await Promise.all([sweepInAnotherProcess('retention'), sweepInAnotherProcess('retention')])) as [
    number,
    number,
  ];
  expect(a + b).toBe(SESSIONS);
  const left = await testDb.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  expect(Number(left.n)).toBe(0);
});
