import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { createDatabase, type Db } from './database';
import { hasPendingMigrations, migrateToLatest } from './migrate';
import { migrations } from './migrations';

let testDb: TestDatabase;
let second: Db;

beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false });
  second = createDatabase({ connectionString: testDb.url, poolSize: 2 });
});
afterAll(async () => {
  await second?.destroy();
  await testDb?.drop();
});

it('applies every migration once when two servers migrate a fresh database at the same time', async () => {
  expect(await hasPendingMigrations(testDb.db)).toBe(true);
  const results = await Promise.all([migrateToLatest(testDb.db), migrateToLatest(second)]);
  const applied = results.flatMap((r) => r.results ?? []).filter((r) => r.status === 'Success');
  expect(applied.map((r) => r.migrationName)).toEqual(Object.keys(migrations));
  expect(await hasPendingMigrations(testDb.db)).toBe(false);

  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(
    testDb.db,
  );
  expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['applications', 'chunks', 'sessions']));
  expect((await migrateToLatest(testDb.db)).results).toEqual([]);
});
