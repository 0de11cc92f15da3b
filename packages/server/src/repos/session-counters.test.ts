import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApplication } from '../../test/support/test-app';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { countSessions, deleteVisitorSessions, refreshActiveEvents } from './session-queries-repo';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

/** What the counters must say: the same numbers counted from the rows. */
async function countedFromRows(applicationId: string) {
  const { rows } = await sql<{ total: number; active: number; events: number }>`
    select count(*)::int as total, (count(*) filter (where status = 'active'))::int as active,
           coalesce(sum(event_count), 0)::bigint as events
    from sessions where application_id = ${applicationId}`.execute(testDb.db);
  const row = rows[0] ?? { total: 0, active: 0, events: 0 };
  return { total: row.total, active: row.active, completed: row.total - row.active, events: Number(row.events) };
}

async function seed(applicationId: string, count: number, prefix: string) {
  await sql`
    insert into sessions (id, application_id, visitor_id, status, started_at, last_activity_at, event_count)
    select ${prefix} || lpad(i::text, 12, '0'), ${applicationId}, 'v' || (i % 7), 'active', now(), now(), i % 50
    from generate_series(1, ${count}) i`.execute(testDb.db);
}

it('keeps the counts equal to the rows through inserts, batches, completion, refresh and erasure', async () => {
  for (const activeSessions of [30, 2_500]) {
    const site = await createTestApplication(testDb.db);
    await seed(site.id, activeSessions, `s${activeSessions}x`);
    // Batches add events to active sessions (the per-batch update does not fire the counter triggers).
    await sql`update sessions set event_count = event_count + 7 where application_id = ${site.id} and event_count < 10`.execute(
      testDb.db,
    );
    await refreshActiveEvents(testDb.db);
    expect(await countSessions(testDb.db, site.id)).toEqual(await countedFromRows(site.id));

    await sql`update sessions set status = 'completed', end_reason = 'idle', ended_at = now()
      where application_id = ${site.id} and event_count % 3 = 0`.execute(testDb.db);
    expect(await countSessions(testDb.db, site.id)).toEqual(await countedFromRows(site.id));

    await deleteVisitorSessions(testDb.db, site.id, 'v3');
    expect(await countSessions(testDb.db, site.id)).toEqual(await countedFromRows(site.id));
  }
});
